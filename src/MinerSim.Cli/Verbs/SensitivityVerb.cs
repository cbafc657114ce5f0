using MinerSim.Charts.Files;
using CommandLine;
using CommandLine.Text;
using MinerSim.Charts.Tornado;
using MinerSim.Cli.Hosting;
using MinerSim.Cli.Output;
using MinerSim.Cli.Scenarios;
using MinerSim.Metrics;
using MinerSim.Questions;
using MinerSim.Scenarios;

namespace MinerSim.Cli.Verbs;

/// <summary>
/// <c>minersim sensitivity</c>: moves each parameter down and up by a relative delta on common
/// random numbers and reports the metric's change: a table, largest effect first, and a tornado chart.
/// </summary>
[Verb("sensitivity", HelpText = "One-at-a-time sensitivity of a metric to scenario parameters (x(1-delta), x(1+delta), common random numbers): table and tornado chart.")]
internal sealed class SensitivityVerb : IVerb
{
    [Option("scenario", Required = true, HelpText = "Scenario JSON file.")]
    public string Scenario { get; set; } = string.Empty;

    [Option("metric", Required = true, HelpText = "<summary>:<stat> or <daily>:<stat>@<day>; stat p1..p99, mean, es95, es99. E.g. max_sales_30d:p95, miner_sales:p50@180.")]
    public string Metric { get; set; } = string.Empty;

    [Option("params", HelpText = "Comma-separated dotted parameter paths, e.g. price.sigma,fees.median,cohorts[*].pMedian,cohorts[0].k0. Default: price.p0, price.sigma, price.lambdaJ, fees.median, cohorts[*].pMedian, cohorts[*].financing, cohorts[*].i0, cohorts[*].hpc.")]
    public string? Params { get; set; }

    [Option("delta", HelpText = "Relative move of each parameter, in (0, 1). Default 0.2.")]
    public double? Delta { get; set; }

    [Option("paths", HelpText = "Paths per run, in [1, 100000000]. Default 2000.")]
    public long? Paths { get; set; }

    [Option("seed", HelpText = "Seed shared by every run. Default 1.")]
    public ulong? Seed { get; set; }

    [Option("days", HelpText = "Horizon in days. Default: the scenario's.")]
    public int? Days { get; set; }

    [Option("threads", HelpText = "Worker threads (results do not depend on it). Default: all cores.")]
    public int? Threads { get; set; }

    [Option("out", HelpText = "Folder for sensitivity.csv, tornado.png and tornado.svg. Default: sensitivity-<scenario name>.")]
    public string? Out { get; set; }

    [Option("format", HelpText = "Format of the table on stdout: table, csv or json. Default table.")]
    public string? Format { get; set; }

    [Option("quiet", HelpText = "No progress on stderr.")]
    public bool Quiet { get; set; }

    [Usage(ApplicationAlias = "minersim")]
    public static IEnumerable<Example> Examples =>
    [
        new("What moves the worst 30-day selling most?", new SensitivityVerb { Scenario = "samples/scenarios/reference.json", Metric = "max_sales_30d:p95" }),
        new("Three parameters, 10% moves, median sales on day 180", new SensitivityVerb { Scenario = "samples/scenarios/reference.json", Metric = "miner_sales:p50@180", Params = "price.sigma,cohorts[*].pMedian,cohorts[0].k0", Delta = 0.1 }),
    ];

    public int Execute(CliContext context)
    {
        string format = QuestionOptions.Format(Format);
        long paths = QuestionOptions.Paths(Paths, 2_000);
        int threads = QuestionOptions.Threads(Threads);
        double delta = Delta ?? 0.2;
        if (!(delta > 0 && delta < 1))
        {
            throw new UsageException($"--delta: {OptionChecks.Format(delta)} is not in (0, 1)");
        }

        if (!MetricSpec.TryParse(Metric, out var metric, out string metricError))
        {
            throw new UsageException($"--metric: {metricError}");
        }

        var loaded = ScenarioFiles.Load(Scenario);
        int days = QuestionOptions.Days(Days, loaded.Scenario);
        if (metric!.Daily is not null && metric.Day >= days)
        {
            throw new UsageException($"--metric: day {metric.Day} is beyond the horizon; days run 0 .. {days - 1}");
        }

        var parameters = ResolveParameters(loaded.Scenario);
        SensitivityResult result;
        var progress = new ConsoleProgress(context, Quiet);
        try
        {
            result = SensitivityAnalysis.Run(
                loaded.Scenario, s => loaded.Compile(days, s), metric, parameters, delta, Seed ?? 1, paths, threads, progress, context.CancellationToken);
        }
        catch (ScenarioException e)
        {
            throw new UsageException($"--delta {OptionChecks.Format(delta)} moves a parameter out of range: {e.Message}", e);
        }
        finally
        {
            progress.Complete();
        }

        string folder = Out ?? "sensitivity-" + loaded.Scenario.Name;
        WriteOutputs(folder, result, loaded.Scenario.Name);
        context.Out.Write(format switch
        {
            "csv" => SensitivityText.Csv(result),
            "json" => SensitivityText.Json(result, loaded.Scenario.Name),
            _ => SensitivityText.Table(result, loaded.Scenario.Name),
        });
        context.Error.WriteLine($"wrote {Path.Combine(folder, "sensitivity.csv")}, tornado.png, tornado.svg");
        return ExitCodes.Ok;
    }

    private List<ScenarioParameter> ResolveParameters(Scenario scenario)
    {
        var names = Params is null
            ? SensitivityAnalysis.DefaultParameters
            : Params.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Count == 0)
        {
            throw new UsageException("--params: no parameter given; e.g. --params price.sigma,fees.median");
        }

        var list = new List<ScenarioParameter>();
        foreach (string name in names)
        {
            if (!ScenarioParameter.TryResolve(scenario, name, out var p, out string error))
            {
                throw new UsageException($"--params: {error}");
            }

            list.Add(p!);
        }

        return list;
    }

    private static void WriteOutputs(string folder, SensitivityResult result, string scenario)
    {
        Directory.CreateDirectory(folder);
        string unit = result.Metric.Summary is SummaryMetric s ? MetricCatalog.Unit(s) : MetricCatalog.Unit(result.Metric.Daily!.Value);
        string pct = OptionChecks.Format(result.Delta * 100);
        var plot = TornadoChart.Build(result, $"{scenario}: sensitivity of {result.Metric.Text} to +/-{pct}%", $"{result.Metric.Text} ({unit})");
        int height = TornadoChart.HeightFor(result.Rows.Count);
        AtomicFile.WriteAllText(Path.Combine(folder, "sensitivity.csv"), SensitivityText.Csv(result));
        AtomicFile.WriteAllText(Path.Combine(folder, "tornado.svg"), TornadoChart.Svg(plot, 1000, height));
        AtomicFile.WriteAllBytes(Path.Combine(folder, "tornado.png"), TornadoChart.Png(plot, 1000, height));
    }
}
