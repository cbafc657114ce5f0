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

    public void AcceptDay(int day, ReadOnlySpan<double> values, int count)
    {
        int days = _target.Days;
        for (int m = 0; m < MetricCatalog.DailyCount; m++)
        {
            var lanes = values.Slice(m * B, count);
            double sum = 0.0;
            for (int i = 0; i < lanes.Length; i++) sum += lanes[i];
            _sums[m * days + day] = sum;
            if (_sketches is not null)
            {
                var sketch = _sketches[m, day];
                for (int i = 0; i < lanes.Length; i++) sketch.Add(lanes[i]);
            }
            else
            {
                lanes.CopyTo(_target.Columns![m * days + day].AsSpan((int)_first, count));
            }
        }
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
