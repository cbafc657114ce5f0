using MinerSim.Kernel;
using MinerSim.Scenarios;
using MinerSim.Simulation;

namespace MinerSim.Questions;

/// <summary>
/// One-at-a-time sensitivity: each parameter moved to x(1 - delta) and x(1 + delta) with all others
/// at base, every run on the same seed (common random numbers), so a difference is the parameter's
/// effect and not sampling noise; a parameter the metric does not depend on has exactly zero effect.
/// </summary>
public static class SensitivityAnalysis
{
    /// <summary>The parameters studied when none are named: the levers the article discusses.</summary>
    public static IReadOnlyList<string> DefaultParameters { get; } =
    [
        "price.p0", "price.sigma", "price.lambdaJ", "fees.median",
        "cohorts[*].pMedian", "cohorts[*].financing", "cohorts[*].i0", "cohorts[*].hpc",
    ];

    /// <summary>Runs the base and the 2 x parameters variants.</summary>
    /// <param name="scenario">The base scenario.</param>
    /// <param name="compile">Compiles a scenario (the caller adds the bootstrap history, if any).</param>
    /// <param name="metric">The metric; a daily one's day must lie within the horizon.</param>
    /// <param name="parameters">Resolved parameters.</param>
    /// <param name="delta">Relative move, in (0, 1).</param>
    /// <param name="seed">Seed shared by every run.</param>
    /// <param name="paths">Paths per run.</param>
    /// <param name="threads">Worker threads (results do not depend on it).</param>
    /// <param name="progress">Progress over all the runs (the base and two per parameter), if given.</param>
    /// <param name="cancellation">Stops between blocks.</param>
    /// <exception cref="ScenarioException">A moved parameter leaves its allowed range.</exception>
    public static SensitivityResult Run(
        Scenario scenario,
        Func<Scenario, CompiledScenario> compile,
        MetricSpec metric,
        IReadOnlyList<ScenarioParameter> parameters,
        double delta,
        ulong seed,
        long paths,
        int threads,
        IProgress<SimulationProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(compile);
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(parameters);

        // Build every variant first, so an out-of-range move fails before any simulation.
        var variants = parameters.Select(p => (p, low: p.Scale(scenario, 1 - delta), high: p.Scale(scenario, 1 + delta))).ToArray();
        PathProgress? sweeps = null;
        double Evaluate(Scenario s)
        {
            var model = compile(s);
            if (progress is not null) sweeps ??= new PathProgress(progress, (1 + 2 * variants.Length) * paths, model.Days);
            return metric.Evaluate(Values(model, metric, seed, paths, threads, sweeps, cancellation));
        }

        double baseValue = Evaluate(scenario);
        var rows = new List<SensitivityRow>();
        foreach (var (p, low, high) in variants)
        {
            double lo = Evaluate(low), hi = Evaluate(high);
            rows.Add(new SensitivityRow(p.Path, p.Values(scenario), lo, hi, lo - baseValue, hi - baseValue));
        }

        // Stable sort: ties keep the order the parameters were given in.
        var sorted = rows.Select((r, i) => (r, i)).OrderByDescending(x => x.r.Size).ThenBy(x => x.i).Select(x => x.r).ToArray();
        return new SensitivityResult(metric, delta, paths, seed, baseValue, sorted);
    }

    /// <summary>The metric's value on each path of <paramref name="model"/>.</summary>
    public static double[] Values(
        CompiledScenario model, MetricSpec metric, ulong seed, long paths, int threads, PathProgress? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(metric);
        if (metric.Daily is not null && metric.Day >= model.Days)
        {
            throw new ArgumentOutOfRangeException(nameof(metric), $"day {metric.Day} is beyond the horizon of {model.Days} days");
        }

        var values = new double[paths];
        BlockSweep.Run(model, seed, paths, threads, () => new PathValuesSink(metric, values), progress, cancellation);
        return values;
    }
}
