using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using MinerSim.Aggregation;
using MinerSim.Kernel;
using MinerSim.Metrics;

namespace MinerSim.Simulation;

/// <summary>
/// A worker's sink: writes a block's values into the shared aggregate where each block owns a
/// disjoint slice (block sums, summaries, exact columns) and into the worker's own sketches.
/// </summary>
internal sealed class BlockCollector : IBlockSink
{
    private const int B = BlockKernel.BlockSize;
    private readonly RunAggregate _target;
    private readonly SketchGrid? _sketches;
    private double[] _sums = [];
    private int _block;
    private long _first;

    public BlockCollector(RunAggregate target, SketchGrid? workerSketches)
    {
        _target = target;
        _sketches = workerSketches;
    }

    /// <summary>Starts collecting block <paramref name="block"/>.</summary>
    public void Begin(int block)
    {
        _block = block;
        _first = _target.FirstPath(block);
        _sums = new double[MetricCatalog.DailyCount * _target.Days];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AcceptDay(int day, ReadOnlySpan<double> values, int count)
    {
        int days = _target.Days;
        _sketches?[0, day].Prefetch();
        for (int m = 0; m < MetricCatalog.DailyCount; m++)
        {
            // The next metric's counts are on their way while this one's are added.
            if (m + 1 < MetricCatalog.DailyCount) _sketches?[m + 1, day].Prefetch();
            var lanes = values.Slice(m * B, count);
            double sum = Sum(lanes);
            _sums[m * days + day] = sum;
            if (_sketches is not null)
            {
                // The ribbon is an indicator (exactly 0 or 1 per path): its sum is the exact count of ones.
                if (m == (int)DailyMetric.RibbonInverted) _sketches[m, day].AddZerosAndOnes(count - (long)sum, (long)sum);
                else _sketches[m, day].AddBatch(lanes);
            }
            else
            {
                lanes.CopyTo(_target.Columns![m * days + day].AsSpan((int)_first, count));
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
            values.Slice(s * B, count).CopyTo(_target.Summaries[s].AsSpan((int)_first, count));
        }

        _target.BlockSums[_block] = _sums;
    }
}
