using System.Globalization;
using System.Text;
using CommandLine;
using CommandLine.Text;
using MinerSim.Backtests;
using MinerSim.Cli.Hosting;

namespace MinerSim.Cli.Verbs;

/// <summary><c>minersim calibrate</c>: fits a scenario's fleet block on history before a fit end (MODEL.md section 12).</summary>
[Verb("calibrate", HelpText = "Fit a scenario's fleet parameters (reinvest, maxPayback, deliveryDays, mustRun, reinvestSigma, capacitySigma; maxOrdersMw measured) on backtests that end before --fit-end; prints the fitted block.")]
internal sealed class CalibrateVerb : IVerb
{
    [Option("scenario", HelpText = "Scenario with a fleet block (MODEL.md section 11). Default " + BacktestVerb.DefaultScenario + ".")]
    public string? Scenario { get; set; }

    [Option("fit-end", HelpText = "No data from this day on is used. Default 2020-01-01.")]
    public string? FitEnd { get; set; }

    [Option("from", HelpText = "First fitting origin. Default 2016-01-01.")]
    public string? From { get; set; }

    [Option("step", HelpText = "Months between fitting origins. Default 3m.")]
    public string? Step { get; set; }

    [Option("horizon", HelpText = "Months each fitting origin runs. Default 12m.")]
    public string? Horizon { get; set; }

    [Option("paths", HelpText = "Paths per backtest, in [1, 100000]. Default 100.")]
    public long? Paths { get; set; }

    [Option("seed", HelpText = "Seed (common random numbers across the fit). Default 1.")]
    public ulong? Seed { get; set; }

    [Option("coverage", HelpText = "Share of fitting retargets the 5-95% band must hold, in (0, 1). Default 0.8.")]
    public double? Coverage { get; set; }

    [Option("max-evaluations", HelpText = "Most objective evaluations of the optimizer (each a backtest of every fitting origin), in [10, 10000]. Default 200; the band stage adds up to about 120.")]
    public int? MaxEvaluations { get; set; }

    [Option("prices", HelpText = "Daily closes. Default: ../data/btc-usd-daily.csv beside the scenario's folder.")]
    public string? Prices { get; set; }

    [Option("epochs", HelpText = "Difficulty retargets. Default: ../data/difficulty-epochs.csv beside the scenario's folder.")]
    public string? Epochs { get; set; }

    [Option("frontier", HelpText = "ASIC efficiency frontier. Default: ../data/asic-frontier.csv beside the scenario's folder.")]
    public string? Frontier { get; set; }

    [Option("events", HelpText = "Real hashrate shocks, date,share_off,days_back,name (MODEL.md 11.5); 'none' for none. Default: ../data/events.csv beside the scenario's folder.")]
    public string? Events { get; set; }

    [Option("threads", HelpText = "Worker threads (results do not depend on it). Default: all cores.")]
    public int? Threads { get; set; }

    [Usage(ApplicationAlias = "minersim")]
    public static IEnumerable<Example> Examples =>
    [
        new("Fit the baseline scenario's fleet on 2016-2019", new CalibrateVerb { Scenario = "samples/scenarios/baseline.json", FitEnd = "2020-01-01" }),
    ];

    public int Execute(CliContext context)
    {
        var fitEnd = BacktestOptions.Date("--fit-end", FitEnd ?? "2020-01-01");
        var from = BacktestOptions.Date("--from", From ?? "2016-01-01");
        int step = BacktestVerb.Months("--step", Step ?? "3m");
        int horizon = BacktestVerb.Months("--horizon", Horizon ?? "12m");
        long paths = Paths ?? 100;
        OptionChecks.InRange("--paths", paths, 1, 100_000);
        double coverage = OptionChecks.InRange("--coverage", Coverage ?? 0.8, 0, 1, loExclusive: true);
        int maxEvaluations = MaxEvaluations ?? 200;
        OptionChecks.InRange("--max-evaluations", maxEvaluations, 10, 10_000);
        int threads = QuestionOptions.Threads(Threads);
        var (loaded, data) = BacktestOptions.Load(Scenario, Prices, Epochs, Frontier, Events);
        if (loaded.Scenario.Fleet is null) throw new UsageException($"--scenario: {loaded.Path} has no fleet block to fit (MODEL.md section 11)");
        var origins = FleetCalibration.FittingOrigins(from, fitEnd, step, horizon);
        if (origins.Length == 0) throw new UsageException($"--fit-end: no origin from {from:yyyy-MM-dd} has a {horizon}-month window ending before {fitEnd:yyyy-MM-dd}; give an earlier --from or a later --fit-end");
        foreach (var o in origins)
        {
            if (data.Refuses(o, o.AddMonths(horizon)) is { } why) throw new UsageException($"--from/--fit-end: origin {o:yyyy-MM-dd}: {why}");
        }

        if (data.Frontier is { } frontier && !frontier.Covers(fitEnd.AddDays(-1))) throw new UsageException($"--fit-end: {fitEnd:yyyy-MM-dd} is before the efficiency frontier's first machine");

        var result = FleetCalibration.Fit(loaded.Scenario, data, from, fitEnd, step, horizon, paths, Seed ?? 1, threads, coverage, maxEvaluations, context.CancellationToken);
        var f = result.Fleet;
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"{loaded.Scenario.Name}: fitted on {result.Origins.Count} origins {result.Origins[0]:yyyy-MM-dd} .. {result.Origins[^1]:yyyy-MM-dd} ({horizon} months each, ending before {fitEnd:yyyy-MM-dd}), {paths:N0} paths, {result.Evaluations} evaluations\n");
        sb.Append(inv, $"on the fitting windows: median of medians {result.Fit.Model:F3} (as at origin {result.Fit.Persistence:F3}, constant hashprice {result.Fit.ConstantHashprice:F3}), {100 * result.Fit.Coverage:F0}% in band, beats both at {result.Fit.BeatsBoth} of {result.Fit.Origins}\n");
        sb.Append(inv, $"\"reinvest\": {f.Reinvest:G4}, \"reinvestSigma\": {f.ReinvestSigma:G4}, \"capacitySigma\": {f.CapacitySigma:G4}, \"maxPayback\": {f.MaxPayback:G4}, \"deliveryDays\": {f.DeliveryDays:G4}, \"maxOrdersMw\": {f.MaxOrdersMw:G4}, \"mustRun\": {f.MustRun:G4}\n");
        context.Out.Write(sb.ToString());
        return ExitCodes.Ok;
    }
}
