using MinerSim.Metrics;

namespace MinerSim.Aggregation;

/// <summary>
/// What the blocks of a run (or of a shard) have contributed so far: per-block metric sums
/// (for means, added in block order), every path's summaries, and either every path-day value
/// (exact) or the merged sketches. Everything here merges exactly, so a run split across
/// threads, shards or restarts reports the same bytes.
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
        BlockSums = new double[BlockCount][];
        Summaries = new double[MetricCatalog.SummaryCount][];
        for (int s = 0; s < Summaries.Length; s++) Summaries[s] = new double[paths];
        if (method == QuantileMethod.Exact)
        {
            Columns = new double[MetricCatalog.DailyCount * days][];
            for (int i = 0; i < Columns.Length; i++) Columns[i] = new double[paths];
        }
        else
        {
            Sketches = new SketchGrid(days);
        }
    }

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

    /// <summary>Per block (null until done): sums over the block's paths, indexed [metric * Days + day].</summary>
    public double[]?[] BlockSums { get; }

    /// <summary>Per summary metric: the value of every path (path index order).</summary>
    public double[][] Summaries { get; }

    /// <summary>Exact mode: per [metric * Days + day], every path's value.</summary>
    public double[][]? Columns { get; }

    /// <summary>Sketch mode: the merged sketches of every finished block.</summary>
    public SketchGrid? Sketches { get; }

    /// <summary>First path of block <paramref name="block"/>.</summary>
    public long FirstPath(int block) => (long)block * BlockSize;

    /// <summary>Paths in block <paramref name="block"/> (the last one may be short).</summary>
    public int BlockLength(int block) => (int)Math.Min(BlockSize, Paths - FirstPath(block));

    /// <summary>Whether every block has reported.</summary>
    public bool IsComplete => BlockSums.All(b => b is not null);
}
