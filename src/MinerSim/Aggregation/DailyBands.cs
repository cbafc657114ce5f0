namespace MinerSim.Aggregation;

/// <summary>
/// One metric's distribution across paths, day by day: the seven quantiles of
/// <see cref="QuantileLevels"/> and the mean. This is what <c>percentiles.csv</c> holds.
/// </summary>
public sealed class DailyBands
{
    private readonly double[] _quantiles;
    private readonly double[] _means;

    /// <summary>Creates the bands for <paramref name="days"/> days, all zero.</summary>
    public DailyBands(string metric, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        Metric = metric;
        Days = days;
        _quantiles = new double[days * QuantileLevels.Count];
        _means = new double[days];
    }

    /// <summary>Metric name as in MODEL.md section 5 (for example <c>miner_sales</c>).</summary>
    public string Metric { get; }

    /// <summary>Number of days (rows).</summary>
    public int Days { get; }

    /// <summary>Quantile <paramref name="level"/> (index into <see cref="QuantileLevels"/>) on day <paramref name="day"/>.</summary>
    public double Quantile(int day, int level) => _quantiles[day * QuantileLevels.Count + level];

    /// <summary>The seven quantiles of day <paramref name="day"/>.</summary>
    public Span<double> QuantilesOf(int day) => _quantiles.AsSpan(day * QuantileLevels.Count, QuantileLevels.Count);

    /// <summary>Mean across paths on day <paramref name="day"/>.</summary>
    public double Mean(int day) => _means[day];

    /// <summary>Sets the mean of day <paramref name="day"/>.</summary>
    public void SetMean(int day, double value) => _means[day] = value;

    /// <summary>One quantile level as a series over days (for plotting).</summary>
    public double[] Series(int level)
    {
        var s = new double[Days];
        for (int d = 0; d < Days; d++) s[d] = Quantile(d, level);
        return s;
    }

    /// <summary>The mean as a series over days.</summary>
    public double[] MeanSeries() => (double[])_means.Clone();
}
