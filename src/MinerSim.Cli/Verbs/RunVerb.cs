using System.Globalization;
using CommandLine;
using CommandLine.Text;
using MinerSim.Aggregation;
using MinerSim.Cli.Hosting;
using MinerSim.Cli.Output;
using MinerSim.Cli.Runs;
using MinerSim.Cli.Scenarios;
using MinerSim.Scenarios;
using MinerSim.Simulation;

namespace MinerSim.Cli.Verbs;

/// <summary>
/// <c>minersim run</c>: simulates a scenario (or one shard of it) and writes percentiles,
/// summaries, charts and a report (or a partial folder for <c>minersim merge</c>); checkpoints
/// into <c>OUT.inprogress/</c> so that <c>--resume</c> can finish an interrupted run.
/// </summary>
[Verb("run", HelpText = "Simulate a scenario; write percentiles.csv, summary.csv, manifest.json, fan charts and report.html (or, with --shard, a partial result for 'merge').")]
internal sealed class RunVerb : IVerb
{
    private const long DefaultPaths = 10_000;
    private const ulong DefaultSeed = 1;

    [Option("scenario", HelpText = "Scenario JSON file (see samples/scenarios). Required unless --resume.")]
    public string? Scenario { get; set; }

    [Option("paths", HelpText = "Number of Monte Carlo paths (default 10000).")]
    public long? Paths { get; set; }

    [Option("seed", HelpText = "Master seed (default 1); the same seed gives the same numbers on any machine, thread count or shard split.")]
    public ulong? Seed { get; set; }

    [Option("days", HelpText = "Horizon in days (default: the scenario's).")]
    public int? Days { get; set; }

    [Option("threads", HelpText = "Worker threads (default: all cores). Does not change the results.")]
    public int? Threads { get; set; }

    [Option("out", HelpText = "Output folder (default runs/<scenario>-<timestamp>). Must not exist yet; its checkpoint lives in <out>.inprogress/.")]
    public string? Out { get; set; }

    [Option("quantiles", HelpText = "exact | sketch | auto (default; exact while every path-day value of the whole run fits in 2 GiB).")]
    public QuantileMethod? Quantiles { get; set; }

    [Option("shard", HelpText = "Simulate only shard i/n (0-based, e.g. 3/8) and write a partial result for 'minersim merge'; 'auto' reads SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT or JOB_COMPLETION_INDEX.")]
    public string? Shard { get; set; }

    [Option("shard-count", HelpText = "With --shard auto: the number of shards (required with JOB_COMPLETION_INDEX; overrides SLURM_ARRAY_TASK_COUNT).")]
    public int? ShardCount { get; set; }

    [Option("resume", HelpText = "Finish the interrupted run whose output folder is DIR, from its checkpoint DIR.inprogress/ (settings come from the checkpoint).")]
    public string? Resume { get; set; }

    [Option("checkpoint-every", Default = 10.0, HelpText = "Seconds between checkpoints (0: after every chunk of blocks).")]
    public double CheckpointEvery { get; set; } = 10.0;

    [Option("no-charts", HelpText = "Write the CSV files and manifest only (no PNG/SVG charts, no report).")]
    public bool NoCharts { get; set; }

    [Option("quiet", HelpText = "No progress output.")]
    public bool Quiet { get; set; }

    private static readonly UnParserSettings Style = new() { SkipDefault = true };

    [Usage(ApplicationAlias = "minersim")]
    public static IEnumerable<Example> Examples =>
    [
        new("Reference scenario, 20,000 paths", Style, new RunVerb { Scenario = "samples/scenarios/reference.json", Paths = 20_000, Seed = 1 }),
        new("A million paths overnight, sketch quantiles, into a chosen folder", Style,
            new RunVerb { Scenario = "samples/scenarios/reference.json", Paths = 1_000_000, Seed = 7, Quantiles = QuantileMethod.Sketch, Out = "runs/nightly" }),
        new("Shard 3 of 8 of the same run (then 'minersim merge --out runs/nightly runs/part-*')", Style,
            new RunVerb { Scenario = "samples/scenarios/reference.json", Paths = 1_000_000, Seed = 7, Quantiles = QuantileMethod.Sketch, Shard = "3/8", Out = "runs/part-3" }),
        new("Finish a run that was interrupted (Ctrl-C, kill, reboot)", Style, new RunVerb { Resume = "runs/nightly" }),
    ];

    public int Execute(CliContext context)
    {
        int threads = Threads ?? Environment.ProcessorCount;
        OptionChecks.InRange("--threads", threads, 1, 1024);
        OptionChecks.InRange("--checkpoint-every", CheckpointEvery, 0, 86_400);
        var interval = TimeSpan.FromSeconds(CheckpointEvery);
        var plan = Resume is null ? NewPlan(context) : ResumedPlan(context, Resume);
        return plan is null ? ExitCodes.Ok : RunExecutor.Execute(plan, context, threads, Quiet, interval);
    }

    private RunPlan NewPlan(CliContext context)
    {
        if (Scenario is null) throw new UsageException("--scenario is required (or --resume DIR to finish an interrupted run)");
        long paths = Paths ?? DefaultPaths;
        OptionChecks.InRange("--paths", paths, 1, int.MaxValue);
        if (Days is int d) OptionChecks.InRange("--days", d, 1, ScenarioValidator.MaxDays);
        var shard = ShardOption.Resolve(Shard, ShardCount, Environment.GetEnvironmentVariable);

        var loaded = ScenarioFiles.Load(Scenario);
        int days = Days ?? loaded.Scenario.Days;
        string suffix = shard is { } s ? $"-shard-{s.Index}-of-{s.Count}" : string.Empty;
        string outDir = Out ?? Path.Combine("runs", $"{loaded.Scenario.Name}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}{suffix}");
        RunFolder.EnsureAbsent(outDir);
        RunFolder.EnsureWritable(outDir);

        // Auto is resolved on the whole run's paths, so every shard picks the same method.
        var method = Simulator.Resolve(Quantiles ?? QuantileMethod.Auto, paths, days, new RunSettings { Paths = paths, Seed = 0 }.ExactMemoryBudget);
        if (method == QuantileMethod.Exact) EnsureExactFits(paths, days);
        var plan = new RunPlan
        {
            Loaded = loaded,
            Seed = Seed ?? DefaultSeed,
            Paths = paths,
            Days = days,
            Method = method,
            Shard = shard ?? ShardPlan.Whole,
            Partial = shard is not null,
            OutDir = outDir,
            Charts = !NoCharts,
        };

        // A rerun of the same command (a failed or preempted shard) continues its own checkpoint.
        if (Checkpoint.Exists(outDir))
        {
            string folder = Checkpoint.FolderOf(outDir);
            if (plan.Differs(PartialFolder.ReadManifest(folder)) is { } difference)
            {
                throw new InvalidDataException($"{folder} holds the checkpoint of a different run ({difference}); finish it with 'minersim run --resume {outDir}' or remove it");
            }
        }

        return plan;
    }

    /// <summary>Exact mode keeps every path-day value in memory: refuse up front what cannot fit, rather than crash late.</summary>
    private static void EnsureExactFits(long paths, int days)
    {
        double needed = (double)paths * days * MinerSim.Metrics.MetricCatalog.DailyCount * sizeof(double);
        double available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (needed > 0.6 * available)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"--quantiles exact: {paths:N0} paths x {days} days need {needed / (1L << 30):F1} GiB of path-day values, more than this machine can hold ({available / (1L << 30):F1} GiB); use --quantiles sketch"));
        }
    }

    private RunPlan? ResumedPlan(CliContext context, string outDir)
    {
        string? clash = new (string Name, bool Given)[]
        {
            ("--scenario", Scenario is not null), ("--paths", Paths is not null), ("--seed", Seed is not null), ("--days", Days is not null),
            ("--quantiles", Quantiles is not null), ("--shard", Shard is not null), ("--shard-count", ShardCount is not null), ("--out", Out is not null),
        }.FirstOrDefault(o => o.Given).Name;
        if (clash is not null) throw new UsageException($"--resume: the run's settings come from its checkpoint; drop {clash}");

        bool finished = Directory.Exists(outDir) || File.Exists(outDir);
        if (!Checkpoint.Exists(outDir))
        {
            throw new InvalidDataException(finished
                ? $"--resume: {outDir} is already complete; nothing to resume"
                : $"--resume: no checkpoint at {Checkpoint.FolderOf(outDir)} (the run saved none yet, or the folder is wrong)");
        }

        if (finished)
        {
            // Killed between writing the output and deleting the checkpoint.
            Checkpoint.Delete(outDir);
            context.Out.WriteLine($"{outDir} is already complete; removed its stale checkpoint");
            return null;
        }

        var plan = RunPlan.FromCheckpoint(outDir, PartialFolder.ReadManifest(Checkpoint.FolderOf(outDir)));
        return NoCharts ? plan with { Charts = false } : plan;
    }
}
