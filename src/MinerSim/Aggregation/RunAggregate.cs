using MinerSim.Metrics;

namespace MinerSim.Aggregation;

/// <summary>
/// What the blocks of a run (or of a shard) have contributed so far: which blocks are done, the exact
/// sums behind every mean, and either every path's summaries and path-day values (exact) or the merged
/// sketches. Everything here merges exactly, so a run split across threads, shards or restarts reports
/// the same bytes, and in sketch mode nothing grows with the number of paths.
/// </summary>
public sealed class RunAggregate
{
    /// <summary>Creates an empty aggregate for <paramref name="paths"/> paths and <paramref name="days"/> days.</summary>
    public RunAggregate(long paths, int days, int blockSize, QuantileMethod method)
    {
        if (method == QuantileMethod.Auto) throw new ArgumentException("resolve Auto before aggregating", nameof(method));
        if (paths > Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(paths), paths, "too many paths for one aggregate");
        Paths = paths;
        Days = days;
        BlockSize = blockSize;
        Method = method;
        BlockCount = (int)((paths + blockSize - 1) / blockSize);
        _done = new bool[BlockCount];
        Sums = NewSums(days);
        if (method == QuantileMethod.Exact)
        {
            Summaries = new double[MetricCatalog.SummaryCount][];
            for (int s = 0; s < Summaries.Length; s++) Summaries[s] = new double[paths];
            Columns = new double[MetricCatalog.DailyCount * days][];
            for (int i = 0; i < Columns.Length; i++) Columns[i] = new double[paths];
        }
        else
        {
            Sketches = new SketchGrid(days);
        }
    }

    private readonly bool[] _done;

    /// <summary>Paths in the whole run.</summary>
    public long Paths { get; }
    /// <summary>Horizon.</summary>
    public int Days { get; }
    /// <summary>Paths per block.</summary>
    public int BlockSize { get; }
    /// <summary>Blocks in the whole run.</summary>
    public int BlockCount { get; }
    /// <summary>Exact or sketch.</summary>
    public QuantileMethod Method { get; }

    /// <summary>
    /// Exact sums over the finished blocks' paths: cell <see cref="DailyCell"/> for a daily metric and day, then
    /// <see cref="SummaryCell"/> for each summary. Each block adds its own sum (taken in a fixed order within the
    /// block), and exact addition makes the total independent of the order in which blocks finish.
    /// </summary>
    public ExactSum Sums { get; }

    /// <summary>Exact mode: per summary metric, the value of every path (path index order); null in sketch mode.</summary>
    public double[][]? Summaries { get; }

    /// <summary>Exact mode: per [metric * Days + day], every path's value.</summary>
    public double[][]? Columns { get; }

    /// <summary>Sketch mode: the merged sketches of every finished block (daily cells and summaries).</summary>
    public SketchGrid? Sketches { get; }

    /// <summary>Empty exact sums with the cells of an aggregate of <paramref name="days"/> days (a worker's own).</summary>
    public static ExactSum NewSums(int days) => new((MetricCatalog.DailyCount * days) + MetricCatalog.SummaryCount);

    /// <summary>Cell of <see cref="Sums"/> for daily metric <paramref name="metric"/> on day <paramref name="day"/>.</summary>
    public int DailyCell(int metric, int day) => (metric * Days) + day;

    /// <summary>Cell of <see cref="Sums"/> for summary metric <paramref name="summary"/>.</summary>
    public int SummaryCell(int summary) => (MetricCatalog.DailyCount * Days) + summary;

    /// <summary>First path of block <paramref name="block"/>.</summary>
    public long FirstPath(int block) => (long)block * BlockSize;

    /// <summary>Paths in block <paramref name="block"/> (the last one may be short).</summary>
    public int BlockLength(int block) => (int)Math.Min(BlockSize, Paths - FirstPath(block));

    /// <summary>Whether block <paramref name="block"/>'s contributions are in the aggregate.</summary>
    public bool IsDone(int block) => _done[block];

    /// <summary>Records that block <paramref name="block"/>'s contributions are in the aggregate (after adding them).</summary>
    public void MarkDone(int block) => _done[block] = true;

    /// <summary>Whether every block has reported.</summary>
    public bool IsComplete => Array.TrueForAll(_done, d => d);
}
