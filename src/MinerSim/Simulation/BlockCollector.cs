using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using MinerSim.Aggregation;
using MinerSim.Kernel;
using MinerSim.Metrics;

namespace MinerSim.Simulation;

/// <summary>
/// A worker's sink: adds a block's sums to the worker's own exact sums and its values to the
/// worker's own sketches (sketch mode) or to the shared aggregate's columns, where each block owns
/// a disjoint slice (exact mode). The worker's sums and sketches are merged into the aggregate, and
/// its <see cref="Finished"/> blocks marked done, when the workers stop.
/// </summary>
internal sealed class BlockCollector : IBlockSink
{
    private const int B = BlockKernel.BlockSize;
    private readonly RunAggregate _target;
    private readonly SketchGrid? _sketches;
    private readonly ExactSum _sums;
    private readonly double[] _blockSums;
    private int _block;
    private long _first;

    public BlockCollector(RunAggregate target, SketchGrid? workerSketches, ExactSum workerSums)
    {
        _target = target;
        _sketches = workerSketches;
        _sums = workerSums;
        _blockSums = new double[workerSums.Cells];
    }

    /// <summary>Blocks whose contributions this worker holds.</summary>
    public List<int> Finished { get; } = [];

    /// <summary>Starts collecting block <paramref name="block"/>.</summary>
    public void Begin(int block)
    {
        _block = block;
        _first = _target.FirstPath(block);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AcceptDay(int day, ReadOnlySpan<double> values, int count)
    {
        _sketches?[0, day].Prefetch();
        for (int m = 0; m < MetricCatalog.DailyCount; m++)
        {
            // The next metric's counts are on their way while this one's are added.
            if (m + 1 < MetricCatalog.DailyCount) _sketches?[m + 1, day].Prefetch();
            var lanes = values.Slice(m * B, count);
            double sum = Sum(lanes);
            int cell = _target.DailyCell(m, day);
            _blockSums[cell] = sum;
            if (_sketches is not null)
            {
                // The ribbon is an indicator (exactly 0 or 1 per path): its sum is the exact count of ones.
                if (m == (int)DailyMetric.RibbonInverted) _sketches[m, day].AddZerosAndOnes(count - (long)sum, (long)sum);
                else _sketches[m, day].AddBatch(lanes);
            }
            else
            {
                lanes.CopyTo(_target.Columns![cell].AsSpan((int)_first, count));
            }
        }
    }

    /// <summary>Sum in a fixed order (eight running sums, then the tail): the same bits for the same block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Sum(ReadOnlySpan<double> lanes)
    {
        var acc = Vector512<double>.Zero;
        int i = 0;
        for (; i + Vector512<double>.Count <= lanes.Length; i += Vector512<double>.Count) acc += Vector512.Create(lanes.Slice(i, Vector512<double>.Count));
        double sum = Vector512.Sum(acc);
        for (; i < lanes.Length; i++) sum += lanes[i];
        return sum;
    }

    public void AcceptSummaries(ReadOnlySpan<double> values, int count)
    {
        for (int s = 0; s < MetricCatalog.SummaryCount; s++)
        {
            var lanes = values.Slice(s * B, count);
            _blockSums[_target.SummaryCell(s)] = Sum(lanes);
            if (_sketches is not null) _sketches.Summary(s).AddBatch(lanes);
            else lanes.CopyTo(_target.Summaries![s].AsSpan((int)_first, count));
        }

        // Into the exact sums once per block, in one pass over the cells: adding them day by day, amid the
        // kernel's work, would evict its block state with a cache line per cell.
        for (int cell = 0; cell < _blockSums.Length; cell++) _sums.Add(cell, _blockSums[cell]);
        Finished.Add(_block);
    }
}
