using MinerSim.Metrics;

namespace MinerSim.Aggregation;

/// <summary>
/// One <see cref="LogBucketSketch"/> per daily metric and day, and one per summary metric: a sketch-mode
/// run's whole record of its distributions, whose size does not grow with the number of paths.
/// </summary>
public sealed class SketchGrid
{
    private readonly LogBucketSketch[] _sketches;

    /// <summary>Empty sketches for <paramref name="days"/> days.</summary>
    public SketchGrid(int days)
    {
        Days = days;
        _sketches = new LogBucketSketch[(MetricCatalog.DailyCount * days) + MetricCatalog.SummaryCount];
        for (int i = 0; i < _sketches.Length; i++) _sketches[i] = new LogBucketSketch();
    }

    /// <summary>Horizon.</summary>
    public int Days { get; }

    /// <summary>The sketch of metric <paramref name="metric"/> on day <paramref name="day"/>.</summary>
    public LogBucketSketch this[int metric, int day] => _sketches[metric * Days + day];

    /// <summary>The sketch of summary metric <paramref name="summary"/> (one value per path).</summary>
    public LogBucketSketch Summary(int summary) => _sketches[(MetricCatalog.DailyCount * Days) + summary];

    /// <summary>Empties every sketch, keeping its memory (a worker's grid, reused).</summary>
    public void Clear()
    {
        foreach (var sketch in _sketches) sketch.Clear();
    }

    /// <summary>Adds every count of <paramref name="other"/>.</summary>
    public void Merge(SketchGrid other)
    {
        for (int i = 0; i < _sketches.Length; i++) _sketches[i].Merge(other._sketches[i]);
    }
}
