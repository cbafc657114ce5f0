using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using MinerSim.Scenarios;
using MinerSim.Simulation;

namespace MinerSim.Backtests;

/// <summary>The fitted fleet block and how it scores on the fitting origins.</summary>
/// <param name="Fleet">The template's fleet block with the fitted reinvest, maxPayback, deliveryDays and reinvestSigma.</param>
/// <param name="Origins">The fitting origins: every window ends on or before the fit end.</param>
/// <param name="Fit">Rolling figures of the fitted model on those origins (the fitting windows).</param>
/// <param name="Evaluations">Backtests run by the optimizer.</param>
public sealed record FleetCalibrationResult(FleetSpec Fleet, IReadOnlyList<DateOnly> Origins, RollingSummary Fit, int Evaluations);

/// <summary>
/// Fits section 11's fleet parameters on history before a fit end (MODEL.md section 12): Nelder-Mead on the
/// median and dispersion parameters, then the band's width, on backtests whose windows all end by the fit end.
/// </summary>
public static class FleetCalibration
{
    /// <summary>
    /// <c>maxOrdersMw</c> is set to <see cref="ShippedMw"/>. Stage 1: <c>reinvest</c>, <c>maxPayback</c>, <c>deliveryDays</c> (on log scales) and <c>mustRun</c> (logit) minimise the mean over origins of
    /// each origin's median |ln(p50 / real)|. Stage 2: of the pairs (<c>capacitySigma</c> on a 0.025 grid to 0.4, the smallest
    /// <c>reinvestSigma</c> on a 0.05 grid whose 5-95 % band holds at least <paramref name="coverage"/> of the fitting retargets),
    /// the one with the narrowest band on average.
    /// </summary>
    public static FleetCalibrationResult Fit(
        Scenario template, BacktestData data, DateOnly firstOrigin, DateOnly fitEnd, int stepMonths, int horizonMonths,
        long paths, ulong seed, int threads, double coverage = 0.8, int maxEvaluations = 200, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        var fleet = template.Fleet ?? throw new ArgumentException($"scenario '{template.Name}' has no fleet block to fit", nameof(template));
        var origins = FittingOrigins(firstOrigin, fitEnd, stepMonths, horizonMonths);
        if (origins.Length == 0) throw new ArgumentOutOfRangeException(nameof(firstOrigin), $"no origin from {firstOrigin:yyyy-MM-dd} has a {horizonMonths}-month window ending before {fitEnd:yyyy-MM-dd}");

        // The manufacturing cap is measured, not fitted: the most the industry had ever added before the fit end.
        double shipped = ShippedMw(data, fitEnd);
        int evaluations = 0;
        BacktestResult[] Run(FleetSpec f)
        {
            evaluations++;
            var s = template with { Fleet = f };
            return [.. origins.Select(o => Backtest.Run(s, data, o, o.AddMonths(horizonMonths), paths, seed, threads, cancellation: cancellation))];
        }

        // Stage 1 fits the median path: no spread across paths (sigmaBeta, sigmaK 0) until stage 2.
        FleetSpec Point(Vector<double> x) => fleet with
        {
            ReinvestSigma = 0,
            CapacitySigma = 0,
            Reinvest = Math.Exp(x[0]),
            MaxPayback = Math.Clamp(Math.Exp(x[1]), 1, 3650),
            DeliveryDays = Math.Clamp(Math.Exp(x[2]), 2, 3650),
            MaxOrdersMw = shipped,
            MustRun = 1.0 / (1.0 + Math.Exp(-x[3])),
        };

        // The best point seen: NelderMeadSimplex throws at its evaluation limit instead of returning it.
        // The search starts from fixed values (reinvest 0.5, maxPayback 730 days, deliveryDays 180, mustRun 0.2), not the
        // scenario's own: a fitted scenario refitted gives the same numbers.
        var bestX = Vector<double>.Build.Dense([Math.Log(0.5), Math.Log(730), Math.Log(180), Math.Log(0.2 / 0.8)]);
        double bestF = double.PositiveInfinity;
        double Objective(Vector<double> x)
        {
            double f = Run(Point(x)).Average(r => r.Model.Median);
            if (f < bestF)
            {
                bestF = f;
                bestX = x.Clone();
            }

            return f;
        }

        var step = Vector<double>.Build.Dense([0.5, 0.4, 0.4, 1.0]);
        try
        {
            new NelderMeadSimplex(1e-4, maxEvaluations).FindMinimum(ObjectiveFunction.Value(Objective), bestX.Clone(), step);
        }
        catch (MaximumIterationsException)
        {
        }

        // Stage 2: the band. For each sigmaK on a 0.025 grid to 0.4, the smallest sigmaBeta (0.05 grid, by bisection: coverage
        // grows with it) whose band holds the target; of those pairs, the narrowest band on average.
        var point = Point(bestX);
        FleetSpec? fitted = null;
        BacktestResult[] results = [];
        double narrowest = double.PositiveInfinity;
        for (int j = 0; j <= 16; j++)
        {
            var withK = point with { CapacitySigma = 0.025 * j };
            int lo = -1, hi = 60; // coverage(lo) < target <= coverage(hi), in steps of 0.05
            BacktestResult[]? atHi = null;
            while (hi - lo > 1)
            {
                int mid = (lo + hi) / 2;
                var r = Run(withK with { ReinvestSigma = 0.05 * mid });
                if (RollingSummary.Of(r).Coverage >= coverage)
                {
                    hi = mid;
                    atHi = r;
                }
                else
                {
                    lo = mid;
                }
            }

            atHi ??= Run(withK with { ReinvestSigma = 0.05 * hi });
            if (RollingSummary.Of(atHi).Coverage < coverage) continue;
            double width = atHi.SelectMany(r => r.Rows).Average(x => Math.Log(x.P95 / x.P5));
            if (width < narrowest)
            {
                narrowest = width;
                fitted = withK with { ReinvestSigma = 0.05 * hi };
                results = atHi;
            }
        }

        if (fitted is null)
        {
            fitted = point with { ReinvestSigma = 3.0, CapacitySigma = 0.4 };
            results = Run(fitted);
        }

        return new FleetCalibrationResult(fitted, origins, RollingSummary.Of(results), evaluations);
    }

    /// <summary>
    /// The origins <paramref name="firstOrigin"/>, + step, ... whose window of <paramref name="horizonMonths"/> months ends before
    /// <paramref name="fitEnd"/> (a window includes its last day, so no close or retarget from the fit end on is used).
    /// </summary>
    public static DateOnly[] FittingOrigins(DateOnly firstOrigin, DateOnly fitEnd, int stepMonths, int horizonMonths) =>
        [.. RollingBacktest.Origins(firstOrigin, fitEnd, stepMonths).Where(o => o.AddMonths(horizonMonths) < fitEnd)];

    /// <summary>
    /// The most MW of machines a day the network has added before <paramref name="fitEnd"/>: over every 365-day window
    /// ending before it, the rise in epoch hashrate times the frontier's J/TH at the window's end, over 365 (MODEL.md 12).
    /// It is the fitted <c>maxOrdersMw</c>: no data from the fit end on.
    /// </summary>
    public static double ShippedMw(BacktestData data, DateOnly fitEnd)
    {
        ArgumentNullException.ThrowIfNull(data);
        var frontier = data.Frontier ?? throw new ArgumentException("the shipping capacity needs the efficiency frontier", nameof(data));
        double best = 0;
        for (var d = data.Chain.FirstDate.AddDays(365); d < fitEnd && d <= data.Chain.LastDate; d = d.AddDays(7))
        {
            if (!frontier.Covers(d)) continue;
            double added = data.Chain.At(d).Hashrate - data.Chain.At(d.AddDays(-365)).Hashrate;
            best = Math.Max(best, added * frontier.At(d) / 365.0);
        }

        return best;
    }
}
