using MinerSim.Charts.Files;
using System.Globalization;
using System.Text;
using CommandLine;
using CommandLine.Text;
using MinerSim.Charts.Issuance;
using MinerSim.Cli.Hosting;
using MinerSim.Cli.Scenarios;
using MinerSim.Questions;

namespace MinerSim.Cli.Verbs;

/// <summary><c>minersim issuance</c>: daily issuance across paths, and the halving's step, as CSV and a chart.</summary>
[Verb("issuance", HelpText = "Daily issuance (blocks x (subsidy + fees)) across paths and the day of the halving: issuance.csv and a chart.")]
internal sealed class IssuanceVerb : IVerb
{
    /// <summary>Most path-days kept in memory (one double each).</summary>
    private const long MaxPathDays = 200_000_000;

    [Option("scenario", Required = true, HelpText = "Scenario JSON file.")]
    public string Scenario { get; set; } = string.Empty;

    [Option("paths", HelpText = "Paths, in [1, 100000000] (paths x days at most 200 million). Default 2000.")]
    public long? Paths { get; set; }

    [Option("seed", HelpText = "Seed. Default 1.")]
    public ulong? Seed { get; set; }

    [Option("days", HelpText = "Horizon in days. Default: the scenario's.")]
    public int? Days { get; set; }

    [Option("threads", HelpText = "Worker threads (results do not depend on it). Default: all cores.")]
    public int? Threads { get; set; }

    [Option("out", HelpText = "Folder for issuance.csv, issuance.png and issuance.svg. Default: issuance-<scenario name>.")]
    public string? Out { get; set; }

    [Usage(ApplicationAlias = "minersim")]
    public static IEnumerable<Example> Examples =>
    [
        new("The 2028 halving's step in daily issuance", new IssuanceVerb { Scenario = "samples/scenarios/halving-2028.json" }),
    ];

    public int Execute(CliContext context)
    {
        long paths = QuestionOptions.Paths(Paths, 2_000);
        int threads = QuestionOptions.Threads(Threads);
        var loaded = ScenarioFiles.Load(Scenario);
        int days = QuestionOptions.Days(Days, loaded.Scenario);
        if (paths * days > MaxPathDays)
        {
            throw new UsageException($"--paths: {paths} paths x {days} days is more than {MaxPathDays:N0} path-days; use fewer paths");
        }

        var bands = IssuanceAnalysis.Run(loaded.Compile(days), Seed ?? 1, paths, threads, context.CancellationToken);
        string folder = Out ?? "issuance-" + loaded.Scenario.Name;
        Directory.CreateDirectory(folder);
        var plot = IssuanceChart.Build(bands, $"{loaded.Scenario.Name}: daily issuance, {paths:N0} paths");
        AtomicFile.WriteAllText(Path.Combine(folder, "issuance.csv"), Csv(bands));
        AtomicFile.WriteAllText(Path.Combine(folder, "issuance.svg"), plot.GetSvgXml(1000, 500));
        AtomicFile.WriteAllBytes(Path.Combine(folder, "issuance.png"), plot.GetImageBytes(1000, 500, ScottPlot.ImageFormat.Png));
        string halving = bands.MedianHalvingDay is int d ? $"median halving day {d}" : "no halving within the horizon on most paths";
        context.Out.WriteLine($"{loaded.Scenario.Name}: issuance p50 day 0 {bands.P50[0]:F1} BTC, last day {bands.P50[^1]:F1} BTC; {halving}");
        context.Out.WriteLine($"wrote {Path.Combine(folder, "issuance.csv")}, issuance.png, issuance.svg");
        return ExitCodes.Ok;
    }

    private static string Csv(IssuanceBands b)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("day,p5,p50,p95,mean\n");
        for (int t = 0; t < b.P50.Length; t++)
        {
            sb.Append(inv, $"{t},{b.P5[t]:R},{b.P50[t]:R},{b.P95[t]:R},{b.Mean[t]:R}\n");
        }

        return sb.ToString();
    }
}
