using MinerSim.Kernel;
using MinerSim.Metrics;
using MinerSim.Questions;

namespace MinerSim.Tests.Questions;

/// <summary>Every path's daily values of one metric, from the block kernel (for statistical tests).</summary>
internal sealed class PriceTrace
{
    private PriceTrace(double[][] values) => Values = values;

    /// <summary>Values[path][day].</summary>
    public double[][] Values { get; }

    public static PriceTrace Run(CompiledScenario model, long paths, ulong seed = 1, DailyMetric metric = DailyMetric.Price)
    {
        var values = new double[paths][];
        for (long i = 0; i < paths; i++) values[i] = new double[model.Days];
        BlockSweep.Run(model, seed, paths, 2, () => new Sink(values, metric));
        return new PriceTrace(values);
    }

    /// <summary>Daily log returns ln(P_t / P_{t-1}) of path <paramref name="path"/>, days 1 .. T-1.</summary>
    public double[] LogReturns(long path)
    {
        var p = Values[path];
        var r = new double[p.Length - 1];
        for (int t = 1; t < p.Length; t++) r[t - 1] = Math.Log(p[t] / p[t - 1]);
        return r;
    }

    private sealed class Sink(double[][] values, DailyMetric metric) : IPathBlockSink
    {
        private long _first;

        public void Begin(long firstPath, int count) => _first = firstPath;

        public void AcceptDay(int day, ReadOnlySpan<double> v, int count)
        {
            for (int i = 0; i < count; i++) values[_first + i][day] = v[(int)metric * BlockKernel.BlockSize + i];
        }

        public void AcceptSummaries(ReadOnlySpan<double> v, int count)
        {
        }
    }
}
