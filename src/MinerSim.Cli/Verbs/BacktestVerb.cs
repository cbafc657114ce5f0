using System.Globalization;
using CommandLine;
using CommandLine.Text;
using MinerSim.Backtests;
using MinerSim.Cli.Hosting;
using MinerSim.Cli.Output;
using MinerSim.Simulation;

namespace MinerSim.Cli.Verbs;

/// <summary>
/// <c>minersim backtest</c>: replays real prices from an origin on the real chain and sets the simulated
/// difficulty against every real retarget (MODEL.md section 10), with two naive baselines.
/// </summary>
[Verb("backtest", HelpText = "Replay real BTC prices from an origin on the real chain and score the simulated difficulty against every real retarget, beside two naive baselines.")]
internal sealed class BacktestVerb : IVerb
{
    /// <summary>The scenario whose miners are backtested when --scenario is not given.</summary>
    public const string DefaultScenario = "samples/scenarios/baseline.json";

    /// <summary>Origins from this day on are out of sample: no parameter was fitted on data from it on.</summary>
    public static readonly DateOnly DefaultFitEnd = new(2020, 1, 1);

    [Option("from", Required = true, HelpText = "Origin date (yyyy-MM-dd); with --rolling, the first origin.")]
    public string From { get; set; } = string.Empty;

    [Option("to", Required = true, HelpText = "Last day (yyyy-MM-dd); with --rolling, the last origin.")]
    public string To { get; set; } = string.Empty;

    [Option("scenario", HelpText = "Scenario whose miners, fees and market are backtested (its price model and start state are replaced). Default " + DefaultScenario + ".")]
    public string? Scenario { get; set; }

    [Option("paths", HelpText = "Paths per origin, in [1, 1000000]. Default 1000.")]
    public long? Paths { get; set; }

    [Option("seed", HelpText = "Seed. Default 1.")]
    public ulong? Seed { get; set; }

    [Option("rolling", HelpText = "Origins every N months from --from to --to, e.g. 6m.")]
    public string? Rolling { get; set; }

    [Option("horizon", HelpText = "With --rolling: months each origin runs, e.g. 12m. Default 12m.")]
    public string? Horizon { get; set; }

    [Option("fit-end", HelpText = "Origins from this date on are reported as out of sample. Default 2020-01-01.")]
    public string? FitEnd { get; set; }

    [Option("prices", HelpText = "Daily closes, date,close. Default: ../data/btc-usd-daily.csv beside the scenario's folder.")]
    public string? Prices { get; set; }

    [Option("epochs", HelpText = "Difficulty retargets, height,timestamp,difficulty. Default: ../data/difficulty-epochs.csv beside the scenario's folder.")]
    public string? Epochs { get; set; }

    [Option("frontier", HelpText = "Best shipping J/TH by date, date,model,manufacturer,efficiency_jth. Default: ../data/asic-frontier.csv beside the scenario's folder.")]
    public string? Frontier { get; set; }

    [Option("events", HelpText = "Real hashrate shocks, date,share_off,days_back,name (MODEL.md 11.5); 'none' for none. Default: ../data/events.csv beside the scenario's folder.")]
    public string? Events { get; set; }

    [Option("threads", HelpText = "Worker threads (results do not depend on it). Default: all cores.")]
    public int? Threads { get; set; }

    [Option("out", HelpText = "Folder for the CSV files and charts (must not exist). Default runs/backtest-<from>-<to>.")]
    public string? Out { get; set; }

    [Option("quiet", HelpText = "No progress on stderr.")]
    public bool Quiet { get; set; }

    [Usage(ApplicationAlias = "minersim")]
    public static IEnumerable<Example> Examples =>
    [
        new("The calibrated scenario from one origin, one year", new BacktestVerb { From = "2020-01-01", To = "2021-01-01" }),
        new("MODEL.md v1.1 (the reference scenario) from the same origin", new BacktestVerb { From = "2020-01-01", To = "2021-01-01", Scenario = "samples/scenarios/reference.json" }),
        new("Half-yearly origins 2016-2023, 12 months each", new BacktestVerb { From = "2016-01-01", To = "2023-01-01", Rolling = "6m", Horizon = "12m" }),
    ];

    public int Execute(CliContext context)
    {
        var from = BacktestOptions.Date("--from", From);
        var to = BacktestOptions.Date("--to", To);
        var fitEnd = FitEnd is null ? DefaultFitEnd : BacktestOptions.Date("--fit-end", FitEnd);
        long paths = Paths ?? 1000;
        OptionChecks.InRange("--paths", paths, 1, 1_000_000);
        int threads = QuestionOptions.Threads(Threads);
        int? step = Rolling is null ? null : Months("--rolling", Rolling);
        int horizon = Months("--horizon", Horizon ?? "12m");
        if (Horizon is not null && step is null) throw new UsageException("--horizon: only with --rolling (a single backtest runs from --from to --to)");

        var (loaded, data) = BacktestOptions.Load(Scenario, Prices, Epochs, Frontier, Events);
        var windows = step is int s ? RollingBacktest.Origins(from, to, s).Select(o => (o, o.AddMonths(horizon))).ToArray() : [(from, to)];
        if (step is not null && to < from) throw new UsageException($"--to: {to:yyyy-MM-dd} is before --from {from:yyyy-MM-dd}");
        foreach (var (o, end) in windows)
        {
            if (data.Refuses(o, end) is { } why) throw new UsageException((step is null ? "--from/--to: " : $"--rolling: origin {o:yyyy-MM-dd} + {horizon} months: ") + why);
        }

        string outDir = Out ?? Path.Combine("runs", $"backtest-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}");
        RunFolder.EnsureAbsent(outDir);
        RunFolder.EnsureWritable(outDir);

        int days = windows.Sum(w => w.Item2.DayNumber - w.Item1.DayNumber + 1);
        var progress = new ConsoleProgress(context, Quiet);
        var counter = new PathProgress(progress, paths * windows.Length, days / windows.Length);
        var template = loaded.Scenario;
        ulong seed = Seed ?? 1;
        try
        {
            if (step is int months)
            {
                var rolling = RollingBacktest.Run(template, data, from, to, months, horizon, fitEnd, paths, seed, threads, counter, context.CancellationToken);
                progress.Complete();
                RunFolder.WriteAtomically(outDir, dir => BacktestFiles.WriteRolling(dir, rolling, template.Name));
                context.Out.Write(BacktestText.Rolling(rolling, template.Name));
            }
            else
            {
                var result = Backtest.Run(template, data, from, to, paths, seed, threads, counter, context.CancellationToken);
                progress.Complete();
                RunFolder.WriteAtomically(outDir, dir => BacktestFiles.WriteOne(dir, result));
                context.Out.Write(BacktestText.One(result, fitEnd));
            }
        }
        finally
        {
            progress.Complete();
        }

        context.Out.WriteLine($"wrote {outDir}");
        return ExitCodes.Ok;
    }

    /// <summary>A number of months: <c>6m</c>, <c>1y</c> or a bare <c>6</c>, in [1, 120].</summary>
    internal static int Months(string option, string value)
    {
        string v = value.Trim().ToLowerInvariant();
        int factor = v.EndsWith('y') ? 12 : 1;
        string number = v.EndsWith('y') || v.EndsWith('m') ? v[..^1] : v;
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n * factor < 1 || n * factor > 120)
        {
            throw new UsageException($"--{option.TrimStart('-')}: '{value}' is not a number of months in [1, 120], e.g. 6m or 1y");
        }

        return n * factor;
    }
}
