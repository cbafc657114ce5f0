using MinerSim.Scenarios;
using MinerSim.Simulation;

namespace MinerSim.Backtests;

/// <summary>Figures over a set of origins: the bar is stated in these terms.</summary>
/// <param name="Origins">Origins counted.</param>
/// <param name="Model">Median over origins of each origin's median error of the simulated median.</param>
/// <param name="Persistence">The same for baseline 1.</param>
/// <param name="ConstantHashprice">The same for baseline 2.</param>
/// <param name="BeatsBoth">Origins at which the model's median error is below both baselines'.</param>
/// <param name="Coverage">Share of all real retargets of these origins inside the simulated 5-95 % band.</param>
/// <param name="WorstError">Largest single-retarget error of the simulated median.</param>
public sealed record RollingSummary(int Origins, double Model, double Persistence, double ConstantHashprice, int BeatsBoth, double Coverage, double WorstError)
{
    /// <summary>The summary of <paramref name="results"/>.</summary>
    public static RollingSummary Of(IReadOnlyList<BacktestResult> results)
    {
        // An origin without a figure (no retarget in its window) counts as the worst, never as left out.
        static double Median(IEnumerable<double> xs) => Aggregation.NumpyQuantile.OfSorted(xs.Select(x => double.IsNaN(x) ? double.PositiveInfinity : x).Order().ToArray(), 0.5);
        int retargets = results.Sum(r => r.Rows.Count);
        return new RollingSummary(
            results.Count,
            Median(results.Select(r => r.Model.Median)),
            Median(results.Select(r => r.Persistence.Median)),
            Median(results.Select(r => r.ConstantHashprice.Median)),
            results.Count(r => r.BeatsBaselines),
            retargets == 0 ? double.NaN : (double)results.Sum(r => r.Rows.Count(x => x.InBand)) / retargets,
            results.Count == 0 ? double.NaN : results.Max(r => r.Model.Max));
    }
}

/// <summary>Backtests from origins a fixed number of months apart, each over the same horizon.</summary>
/// <param name="Results">One backtest per origin, in date order.</param>
/// <param name="FitEnd">Parameters were fitted only on data before this day: origins from it on are out of sample.</param>
public sealed record RollingBacktest(IReadOnlyList<BacktestResult> Results, DateOnly FitEnd)
{
    /// <summary>Origins before <see cref="FitEnd"/> (their windows may run past it: not the same as the fitting windows).</summary>
    public RollingSummary BeforeFitEnd => RollingSummary.Of([.. Results.Where(r => r.From < FitEnd)]);

    /// <summary>Origins from <see cref="FitEnd"/> on.</summary>
    public RollingSummary OutOfSample => RollingSummary.Of([.. Results.Where(r => r.From >= FitEnd)]);

    /// <summary>Every origin.</summary>
    public RollingSummary All => RollingSummary.Of(Results);

    /// <summary>The origins <paramref name="from"/>, <paramref name="from"/> + step, ... up to <paramref name="to"/>.</summary>
    public static DateOnly[] Origins(DateOnly from, DateOnly to, int stepMonths)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepMonths);
        var origins = new List<DateOnly>();
        for (int k = 0; from.AddMonths(k * stepMonths) <= to; k++) origins.Add(from.AddMonths(k * stepMonths));
        return [.. origins];
    }

    /// <summary>Runs a backtest of <paramref name="horizonMonths"/> months from every origin of <see cref="Origins"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An origin's window is not inside the data (checked for all before any runs).</exception>
    public static RollingBacktest Run(
        Scenario template, BacktestData data, DateOnly from, DateOnly to, int stepMonths, int horizonMonths, DateOnly fitEnd,
        long paths, ulong seed, int threads, PathProgress? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(horizonMonths);
        var origins = Origins(from, to, stepMonths);
        foreach (var o in origins)
        {
            if (data.Refuses(o, o.AddMonths(horizonMonths)) is { } why) throw new ArgumentOutOfRangeException(nameof(to), why);
        }

        var results = origins.Select(o => Backtest.Run(template, data, o, o.AddMonths(horizonMonths), paths, seed, threads, progress, cancellation)).ToArray();
        return new RollingBacktest(results, fitEnd);
    }
}
