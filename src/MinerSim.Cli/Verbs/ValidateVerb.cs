using CommandLine;
using CommandLine.Text;
using MinerSim.Cli.Hosting;
using MinerSim.Cli.Scenarios;

namespace MinerSim.Cli.Verbs;

/// <summary><c>minersim validate FILE</c>: checks a scenario without running it.</summary>
[Verb("validate", HelpText = "Check a scenario file without running it.")]
internal sealed class ValidateVerb : IVerb
{
    [Value(0, MetaName = "FILE", Required = true, HelpText = "Scenario JSON file.")]
    public string File { get; set; } = string.Empty;

    [Usage(ApplicationAlias = "minersim")]
    public static IEnumerable<Example> Examples =>
    [
        new("Check the reference scenario", new ValidateVerb { File = "samples/scenarios/reference.json" }),
    ];

    public int Execute(CliContext context)
    {
        var loaded = ScenarioFiles.Load(File);
        var s = loaded.Scenario;
        context.Out.WriteLine($"{File}: ok ({s.Name}, {s.Days} days, {s.Cohorts.Count} cohort{(s.Cohorts.Count == 1 ? "" : "s")}, price model {s.Price.Model})");
        return ExitCodes.Ok;
    }
}
