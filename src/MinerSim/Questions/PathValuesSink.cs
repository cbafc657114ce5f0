using MinerSim.Kernel;

namespace MinerSim.Questions;

/// <summary>Records one number per path: a per-path summary, or a daily metric on one day.</summary>
internal sealed class PathValuesSink : IPathBlockSink
{
    private const int B = BlockKernel.BlockSize;
    private readonly MetricSpec _spec;
    private readonly double[] _values;
    private long _first;

    public PathValuesSink(MetricSpec spec, double[] values)
    {
        _spec = spec;
        _values = values;
    }

    public void Begin(long firstPath, int count) => _first = firstPath;

    public void AcceptDay(int day, ReadOnlySpan<double> values, int count)
    {
        if (_spec.Daily is { } m && day == _spec.Day)
        {
            values.Slice((int)m * B, count).CopyTo(_values.AsSpan((int)_first, count));
        }
    }

    public void AcceptSummaries(ReadOnlySpan<double> values, int count)
    {
        if (_spec.Summary is { } s)
        {
            values.Slice((int)s * B, count).CopyTo(_values.AsSpan((int)_first, count));
        }
    }
}
