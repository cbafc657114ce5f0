using MinerSim.Kernel;
using MinerSim.Scenarios;
using MinerSim.Simulation;

namespace MinerSim.Questions;

/// <summary>
/// The "death spiral" question: how much more likely is a joint collapse, the price falling
/// by half and the hashrate by half within the horizon, when miners' visible sales push the
/// price down (gamma &gt; 0) than when they do not? Both arms run on the same seed, so every path
/// sees the same random numbers (common random numbers) and only the feedback differs; the
/// difference is estimated path by path, which makes its standard error small.
/// </summary>
/// <remarks>
/// Hashrate falls are measured against the path's own day-0 hashrate H_0 (not against HD0),
/// so a scenario whose network starts below its difficulty does not count as fallen on day 0.
/// A path counts as joint when both minima cross their thresholds, on any days of the horizon.
/// </remarks>
public static class SpiralAnalysis
{
    /// <summary>The two arms of <paramref name="scenario"/>: gamma 0, and <paramref name="gamma"/> (default: the scenario's own).</summary>
    public static (Scenario Without, Scenario With) Arms(Scenario scenario, double? gamma = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        double g = gamma ?? scenario.Price.Gamma;
        return (scenario with { Price = scenario.Price with { Gamma = 0 } },
                scenario with { Price = scenario.Price with { Gamma = g } });
    }

    /// <summary>Runs both arms on <paramref name="paths"/> paths of seed <paramref name="seed"/>.</summary>
    /// <param name="without">The scenario compiled with gamma = 0.</param>
    /// <param name="with">The same scenario compiled with feedback.</param>
    /// <param name="seed">Master seed shared by both arms.</param>
    /// <param name="paths">Paths per arm.</param>
    /// <param name="threads">Worker threads (results do not depend on it).</param>
    /// <param name="priceFall">Price fall threshold, default 0.5 (min P_t / P0 &lt; 0.5).</param>
    /// <param name="hashrateFall">Hashrate fall threshold, default 0.5 (min H_t / H_0 &lt; 0.5).</param>
    /// <param name="progress">Progress over both arms, if given.</param>
    /// <param name="cancellation">Stops between blocks.</param>
    public static SpiralResult Run(
        CompiledScenario without,
        CompiledScenario with,
        ulong seed,
        long paths,
        int threads,
        double priceFall = 0.5,
        double hashrateFall = 0.5,
        IProgress<SimulationProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(without);
        ArgumentNullException.ThrowIfNull(with);
        if (without.Days != with.Days) throw new ArgumentException("both arms need the same horizon", nameof(with));
        var sweeps = progress is null ? null : new PathProgress(progress, 2 * paths, with.Days);
        var a = Indicators(without, seed, paths, threads, priceFall, hashrateFall, sweeps, cancellation);
        var b = Indicators(with, seed, paths, threads, priceFall, hashrateFall, sweeps, cancellation);

        // Paired difference of the joint indicators, with Welford's running moments.
        double mean = 0, m2 = 0;
        for (long i = 0; i < paths; i++)
        {
            double d = b.Joint[i] - a.Joint[i];
            double delta = d - mean;
            mean += delta / (i + 1);
            m2 += delta * (d - mean);
        }

        double sd = paths > 1 ? Math.Sqrt(m2 / (paths - 1)) : 0.0;
        return new SpiralResult(
            paths,
            with.Days,
            with.Scenario.Price.Gamma,
            priceFall,
            hashrateFall,
            Arm(without, a, paths),
            Arm(with, b, paths),
            mean,
            sd / Math.Sqrt(paths));
    }

    private static SpiralArm Arm(CompiledScenario m, Flags f, long n)
    {
        double joint = f.Joint.Sum() / (double)n;
        return new SpiralArm(
            m.Scenario.Price.Gamma,
            f.Price.Sum() / (double)n,
            f.Hashrate.Sum() / (double)n,
            joint,
            Math.Sqrt(joint * (1 - joint) / n));
    }

    private static Flags Indicators(
        CompiledScenario m, ulong seed, long paths, int threads, double priceFall, double hashrateFall, PathProgress? progress, CancellationToken cancellation)
    {
        var minP = new double[paths];
        var minH = new double[paths];
        BlockSweep.Run(m, seed, paths, threads, () => new PathMinimaSink(m.P0, minP, minH), progress, cancellation);
        var f = new Flags(new int[paths], new int[paths], new int[paths]);
        for (long i = 0; i < paths; i++)
        {
            f.Price[i] = minP[i] < 1 - priceFall ? 1 : 0;
            f.Hashrate[i] = minH[i] < 1 - hashrateFall ? 1 : 0;
            f.Joint[i] = f.Price[i] & f.Hashrate[i];
        }

        return f;
    }

    private sealed record Flags(int[] Price, int[] Hashrate, int[] Joint);
}
