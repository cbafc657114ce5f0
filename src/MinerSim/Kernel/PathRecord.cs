using MinerSim.Metrics;

namespace MinerSim.Kernel;

/// <summary>Everything one path produced: the daily metrics and the per-path summaries.</summary>
public sealed class PathRecord
{
    private readonly double[] _daily;

    /// <summary>An empty record for <paramref name="days"/> days.</summary>
    public PathRecord(int days)
    {
        Days = days;
        _daily = new double[days * MetricCatalog.DailyCount];
        Summaries = new double[MetricCatalog.SummaryCount];
    }

    /// <summary>Horizon.</summary>
    public int Days { get; }

    /// <summary>Summaries in <see cref="SummaryMetric"/> order.</summary>
    public double[] Summaries { get; }

    /// <summary>Metric <paramref name="m"/> on day <paramref name="day"/>.</summary>
    public double this[int day, DailyMetric m]
    {
        get => _daily[day * MetricCatalog.DailyCount + (int)m];
        set => _daily[day * MetricCatalog.DailyCount + (int)m] = value;
    }

    /// <summary>Summary <paramref name="m"/>.</summary>
    public double this[SummaryMetric m] => Summaries[(int)m];
}
