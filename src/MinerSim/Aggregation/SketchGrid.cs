using MinerSim.Metrics;

namespace MinerSim.Aggregation;

/// <summary>One <see cref="LogBucketSketch"/> per daily metric and day.</summary>
public sealed class SketchGrid
{
    private readonly LogBucketSketch[] _sketches;

    /// <summary>Empty sketches for <paramref name="days"/> days.</summary>
    public SketchGrid(int days)
    {
        Days = days;
        _sketches = new LogBucketSketch[MetricCatalog.DailyCount * days];
        for (int i = 0; i < _sketches.Length; i++) _sketches[i] = new LogBucketSketch();
    }

    /// <summary>Horizon.</summary>
    public int Days { get; }

    /// <summary>The sketch of metric <paramref name="metric"/> on day <paramref name="day"/>.</summary>
    public LogBucketSketch this[int metric, int day] => _sketches[metric * Days + day];

    /// <summary>Adds every count of <paramref name="other"/>.</summary>
    public void Merge(SketchGrid other)
    {
        for (int i = 0; i < _sketches.Length; i++) _sketches[i].Merge(other._sketches[i]);
    }
}
