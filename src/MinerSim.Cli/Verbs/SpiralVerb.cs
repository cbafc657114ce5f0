using CommandLine;
using CommandLine.Text;
using MinerSim.Cli.Hosting;
using MinerSim.Cli.Output;
using MinerSim.Cli.Scenarios;
using MinerSim.Questions;

namespace MinerSim.Cli.Verbs;

/// <summary>
/// <c>minersim spiral</c>: the probability of a joint collapse (price and hashrate both down by
/// half within the horizon) with and without the price impact of miner sales, on the same paths.
/// </summary>
[Verb("spiral", HelpText = "Death-spiral test: P(price and hashrate both fall over 50%) with and without price-impact feedback, on common random numbers.")]
internal sealed class SpiralVerb : IVerb
{
    [Option("scenario", Required = true, HelpText = "Scenario JSON file.")]
    public string Scenario { get; set; } = string.Empty;

    [Option("paths", HelpText = "Paths per arm, in [1, 100000000]. Default 10000.")]
    public long? Paths { get; set; }

    [Option("seed", HelpText = "Seed shared by both arms. Default 1.")]
    public ulong? Seed { get; set; }

    [Option("days", HelpText = "Horizon in days. Default: the scenario's.")]
    public int? Days { get; set; }

    [Option("gamma", HelpText = "Price impact of the feedback arm, in [0, 100]. Default: the scenario's price.gamma (needed when that is 0).")]
    public double? Gamma { get; set; }

    [Option("threads", HelpText = "Worker threads (results do not depend on it). Default: all cores.")]
    public int? Threads { get; set; }

    [Option("format", HelpText = "Output format: table, csv or json. Default table.")]
    public string? Format { get; set; }

    [Option("quiet", HelpText = "No progress on stderr.")]
    public bool Quiet { get; set; }

    [Usage(ApplicationAlias = "minersim")]
    public static IEnumerable<Example> Examples =>
    [
        new("The death-spiral sample with its own gamma", new SpiralVerb { Scenario = "samples/scenarios/death-spiral.json" }),
        new("The reference scenario with feedback switched on", new SpiralVerb { Scenario = "samples/scenarios/reference.json", Gamma = 0.05, Paths = 20000 }),
    ];

    public int Execute(CliContext context)
    {
        string format = QuestionOptions.Format(Format);
        long paths = QuestionOptions.Paths(Paths, 10_000);
        int threads = QuestionOptions.Threads(Threads);
        if (Gamma is double g) OptionChecks.InRange("--gamma", g, 0, 100);
        var loaded = ScenarioFiles.Load(Scenario);
        int days = QuestionOptions.Days(Days, loaded.Scenario);
        if (Gamma is null && loaded.Scenario.Price.Gamma == 0)
        {
            throw new UsageException($"--gamma: {Scenario} has no price impact (price.gamma 0); give --gamma above 0 for the feedback arm, e.g. --gamma 0.05");
        }

        var (without, with) = SpiralAnalysis.Arms(loaded.Scenario, Gamma);
        var progress = new ConsoleProgress(context, Quiet);
        SpiralResult result;
        try
        {
            result = SpiralAnalysis.Run(
                loaded.Compile(days, without),
                loaded.Compile(days, with),
                Seed ?? 1,
                paths,
                threads,
                progress: progress,
                cancellation: context.CancellationToken);
        }
        finally
        {
            progress.Complete();
        }

        context.Out.Write(format switch
        {
            "csv" => SpiralText.Csv(result),
            "json" => SpiralText.Json(result, loaded.Scenario.Name, Seed ?? 1),
            _ => SpiralText.Table(result, loaded.Scenario.Name, Seed ?? 1),
        });
        return ExitCodes.Ok;
    }
}
