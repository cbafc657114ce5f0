using System.Globalization;
using CommandLine;
using CommandLine.Text;
using MinerSim.Aggregation;
using MinerSim.Charts;
using MinerSim.Charts.Reports;
using MinerSim.Cli.Hosting;
using MinerSim.Cli.Output;
using MinerSim.Cli.Scenarios;
using MinerSim.Kernel;
using MinerSim.Scenarios;
using MinerSim.Simulation;

namespace MinerSim.Cli.Verbs;

/// <summary><c>minersim run</c>: simulates a scenario and writes percentiles, summaries, charts and a report.</summary>
[Verb("run", HelpText = "Simulate a scenario; write percentiles.csv, summary.csv, manifest.json, fan charts and report.html.")]
internal sealed class RunVerb : IVerb
{
    [Option("scenario", Required = true, HelpText = "Scenario JSON file (see samples/scenarios).")]
    public string Scenario { get; set; } = string.Empty;

    [Option("paths", Default = 10_000L, HelpText = "Number of Monte Carlo paths.")]
    public long Paths { get; set; } = 10_000;

    [Option("seed", Default = 1UL, HelpText = "Master seed; the same seed gives the same numbers on any machine and thread count.")]
    public ulong Seed { get; set; } = 1;

    [Option("days", HelpText = "Horizon in days (default: the scenario's).")]
    public int? Days { get; set; }

    [Option("threads", HelpText = "Worker threads (default: all cores). Does not change the results.")]
    public int? Threads { get; set; }

    [Option("out", HelpText = "Output folder (default runs/<scenario>-<timestamp>). Must not exist yet.")]
    public string? Out { get; set; }

    [Option("quantiles", Default = QuantileMethod.Auto, HelpText = "exact | sketch | auto (exact while every path-day value fits in 2 GiB).")]
    public QuantileMethod Quantiles { get; set; } = QuantileMethod.Auto;

    [Option("no-charts", HelpText = "Write the CSV files and manifest only (no PNG/SVG charts, no report).")]
    public bool NoCharts { get; set; }

    [Option("quiet", HelpText = "No progress output.")]
    public bool Quiet { get; set; }

    [Usage(ApplicationAlias = "minersim")]
    public static IEnumerable<Example> Examples =>
    [
        new("Reference scenario, 20,000 paths", new RunVerb { Scenario = "samples/scenarios/reference.json", Paths = 20_000, Seed = 1 }),
        new("A million paths overnight, sketch quantiles, into a chosen folder",
            new RunVerb { Scenario = "samples/scenarios/reference.json", Paths = 1_000_000, Seed = 7, Quantiles = QuantileMethod.Sketch, Out = "runs/nightly" }),
    ];

    public int Execute(CliContext context)
    {
        OptionChecks.InRange("--paths", Paths, 1, int.MaxValue);
        if (Days is int d) OptionChecks.InRange("--days", d, 1, ScenarioValidator.MaxDays);
        int threads = Threads ?? Environment.ProcessorCount;
        OptionChecks.InRange("--threads", threads, 1, 1024);

        var loaded = ScenarioFiles.Load(Scenario);
        int days = Days ?? loaded.Scenario.Days;
        string outDir = Out ?? Path.Combine("runs", $"{loaded.Scenario.Name}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        RunFolder.EnsureAbsent(outDir);

        var model = loaded.Compile(days);
        var settings = new RunSettings { Paths = Paths, Seed = Seed, Threads = threads, Quantiles = Quantiles };
        var progress = new ConsoleProgress(context, Quiet);
        RunResult result;
        try
        {
            result = Simulator.Run(model, settings, loaded.Hash, progress, context.CancellationToken);
        }
        finally
        {
            progress.Complete();
        }

        RunFolder.WriteAtomically(outDir, dir =>
        {
            RunFolderWriter.Write(dir, result, loaded.Json);
            if (!NoCharts)
            {
                ChartSet.WriteAll(dir, result);
                ReportWriter.Write(dir, result, loaded.Json);
            }
        });

        RunConsoleTable.Write(context.Out, result);
        context.Out.WriteLine($"wrote {outDir}");
        return ExitCodes.Ok;
    }
}
