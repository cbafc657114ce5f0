using MinerSim.Kernel;
using MinerSim.Metrics;

namespace MinerSim.Questions;

/// <summary>
/// Records, per path, the smallest price relative to P0 and the smallest network hashrate
/// relative to the path's own day-0 hashrate, over the whole horizon.
/// </summary>
internal sealed class PathMinimaSink : IPathBlockSink
{
    private const int B = BlockKernel.BlockSize;
    private readonly double _p0;
    private readonly double[] _minPrice;
    private readonly double[] _minHashrate;
    private readonly double[] _h0 = new double[B];
    private long _first;

    /// <param name="p0">The scenario's P0.</param>
    /// <param name="minPrice">Per path: min P_t / P0 (written by this sink's blocks).</param>
    /// <param name="minHashrate">Per path: min H_t / H_0.</param>
    public PathMinimaSink(double p0, double[] minPrice, double[] minHashrate)
    {
        _p0 = p0;
        _minPrice = minPrice;
        _minHashrate = minHashrate;
    }

    public void Begin(long firstPath, int count)
    {
        _first = firstPath;
        _minPrice.AsSpan((int)firstPath, count).Fill(double.PositiveInfinity);
        _minHashrate.AsSpan((int)firstPath, count).Fill(double.PositiveInfinity);
    }

    public void AcceptDay(int day, ReadOnlySpan<double> values, int count)
    {
        var price = values.Slice((int)DailyMetric.Price * B, count);
        var hashrate = values.Slice((int)DailyMetric.Hashrate * B, count);
        if (day == 0) hashrate.CopyTo(_h0);
        var minP = _minPrice.AsSpan((int)_first, count);
        var minH = _minHashrate.AsSpan((int)_first, count);
        for (int i = 0; i < count; i++)
        {
            minP[i] = Math.Min(minP[i], price[i] / _p0);
            // A path with no hashrate on day 0 cannot fall further: count it as ratio 1.
            double h = _h0[i] > 0 ? hashrate[i] / _h0[i] : 1.0;
            minH[i] = Math.Min(minH[i], h);
        }
    }

    public void AcceptSummaries(ReadOnlySpan<double> values, int count)
    {
    }
}
