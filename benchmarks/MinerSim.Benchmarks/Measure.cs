using System.Diagnostics;
using System.Globalization;
using MinerSim.Aggregation;
using MinerSim.Kernel;
using MinerSim.Scenarios;
using MinerSim.Simulation;

namespace MinerSim.Benchmarks;

/// <summary>
/// <c>--measure</c>: one whole in-memory run through <see cref="Simulator.Run"/>, timed end to end,
/// for the README's target table (run it under <c>/usr/bin/time -v</c> for peak memory).
/// Options: <c>--paths N</c> (default 1,000,000), <c>--days T</c> (the scenario's), <c>--quantiles sketch|exact|auto</c>,
/// <c>--threads N</c> (all cores), <c>--scenario FILE</c> (samples/scenarios/reference.json), <c>--seed S</c> (42).
/// </summary>
internal static class Measure
{
    public static int Run(string[] args, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        long paths = long.Parse(Option(args, "--paths") ?? "1000000", CultureInfo.InvariantCulture);
        string scenarioPath = Option(args, "--scenario") ?? RepoFile("samples", "scenarios", "reference.json");
        var method = Enum.Parse<QuantileMethod>(Option(args, "--quantiles") ?? "sketch", ignoreCase: true);
        int threads = int.Parse(Option(args, "--threads") ?? Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        ulong seed = ulong.Parse(Option(args, "--seed") ?? "42", CultureInfo.InvariantCulture);

        var scenario = ScenarioLoader.Parse(File.ReadAllText(scenarioPath), Path.GetFileName(scenarioPath));
        int days = int.Parse(Option(args, "--days") ?? scenario.Days.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var model = new CompiledScenario(scenario, days);
        if (args.Contains("--phases"))
        {
            var w = Stopwatch.StartNew();
            var agg = new RunAggregate(paths, days, BlockKernel.BlockSize, method);
            double alloc = w.Elapsed.TotalSeconds;
            Simulator.SimulateBlocks(model, seed, agg, Enumerable.Range(0, agg.BlockCount).ToArray(), threads);
            double sim = w.Elapsed.TotalSeconds;
            var info = new RunInfo { Scenario = "r", ScenarioHash = "h", Seed = seed, Paths = paths, Days = days, QuantileMethod = "x", EngineVersion = "v" };
            ResultBuilder.Build(agg, info, threads);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocate {alloc:F3} s, simulate {sim - alloc:F3} s, build {w.Elapsed.TotalSeconds - sim:F3} s"));
            return 0;
        }

        if (args.Contains("--kernel-only"))
        {
            var kernel = new BlockKernel(model);
            var sink = new NullSink();
            var k = Stopwatch.StartNew();
            for (long p = 0; p < paths; p += BlockKernel.BlockSize) kernel.Run(seed, p, BlockKernel.BlockSize, sink);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kernel only, one thread: {k.Elapsed.TotalSeconds:F3} s, {paths * (double)days / k.Elapsed.TotalSeconds / 1e6:F2} M path-days/s"));
            return 0;
        }

        var result = Simulator.Run(model, new RunSettings { Paths = paths, Seed = seed, Threads = threads, Quantiles = method }, "measure");
        double total = clock.Elapsed.TotalSeconds;
        var median = result.Bands("miner_sales")!;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"paths {paths}, days {days}, quantiles {result.Info.QuantileMethod}, threads {threads}, block {BlockKernel.BlockSize}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"simulate {result.Info.WallSeconds:F3} s ({result.Info.PathDaysPerSecond / 1e6:F2} M path-days/s), simulate + aggregate {total:F3} s ({paths * (double)days / total / 1e6:F2} M path-days/s)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"miner_sales p50 on the last day {median.Quantile(days - 1, QuantileLevels.Median):F3} BTC/day; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20)} MiB"));
        return 0;
    }

    /// <summary>A file under the repository root (the folder holding Simulation.sln above the current one).</summary>
    public static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Simulation.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("run from inside the repository (no Simulation.sln found above the current folder)");
        return Path.Combine([dir.FullName, .. parts]);
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
