using MinerSim.Scenarios;

namespace MinerSim.Backtests;

/// <summary>One real retarget against the simulated difficulty in force on its date (Bitcoin difficulty, as the chain reports it).</summary>
/// <param name="Height">Height of the real retarget block.</param>
/// <param name="Date">Its UTC date.</param>
/// <param name="Real">The real difficulty from that block on.</param>
/// <param name="P5">5th percentile over paths of the simulated difficulty at the end of that day.</param>
/// <param name="P50">Median of the simulated difficulty.</param>
/// <param name="P95">95th percentile of the simulated difficulty.</param>
/// <param name="Persistence">Baseline 1: the difficulty stays as at the origin.</param>
/// <param name="ConstantHashprice">Baseline 2: the difficulty moves with price and subsidy so that hashprice stays as at the origin.</param>
public sealed record BacktestRow(int Height, DateOnly Date, double Real, double P5, double P50, double P95, double Persistence, double ConstantHashprice)
{
    /// <summary>Whether the real difficulty lies in the simulated 5-95 % band.</summary>
    public bool InBand => Real >= P5 && Real <= P95;
}

/// <summary>Median and largest absolute log error <c>|ln(forecast / real)|</c> over a backtest's retargets.</summary>
/// <param name="Median">Median over retargets (NaN when there are none).</param>
/// <param name="Max">Largest (NaN when there are none).</param>
public sealed record ForecastError(double Median, double Max)
{
    /// <summary>The error of <paramref name="forecast"/> against each row's real difficulty.</summary>
    public static ForecastError Of(IReadOnlyList<BacktestRow> rows, Func<BacktestRow, double> forecast)
    {
        var errors = rows.Select(r => Math.Abs(Math.Log(forecast(r) / r.Real))).Order().ToArray();
        return errors.Length == 0 ? new(double.NaN, double.NaN) : new(Aggregation.NumpyQuantile.OfSorted(errors, 0.5), errors[^1]);
    }
}

/// <summary>A backtest from one origin: the simulated difficulty against every real retarget in (From, To].</summary>
/// <param name="From">Origin (day 0).</param>
/// <param name="To">Last day.</param>
/// <param name="Scenario">The scenario as run: the template placed on the real chain at the origin, prices replayed.</param>
/// <param name="Paths">Paths simulated.</param>
/// <param name="Rows">One row per real retarget, in height order.</param>
public sealed record BacktestResult(DateOnly From, DateOnly To, Scenario Scenario, long Paths, IReadOnlyList<BacktestRow> Rows)
{
    /// <summary>Error of the simulated median.</summary>
    public ForecastError Model => ForecastError.Of(Rows, r => r.P50);

    /// <summary>Error of baseline 1 (difficulty as at the origin).</summary>
    public ForecastError Persistence => ForecastError.Of(Rows, r => r.Persistence);

    /// <summary>Error of baseline 2 (constant hashprice).</summary>
    public ForecastError ConstantHashprice => ForecastError.Of(Rows, r => r.ConstantHashprice);

    /// <summary>Share of real retargets inside the simulated 5-95 % band (NaN without retargets).</summary>
    public double Coverage => Rows.Count == 0 ? double.NaN : (double)Rows.Count(r => r.InBand) / Rows.Count;

    /// <summary>Whether the model's median error is below both baselines'.</summary>
    public bool BeatsBaselines => Model.Median < Persistence.Median && Model.Median < ConstantHashprice.Median;
}
