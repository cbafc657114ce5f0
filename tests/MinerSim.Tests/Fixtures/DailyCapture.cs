using MinerSim.Kernel;
using MinerSim.Metrics;

namespace MinerSim.Tests.Fixtures;

/// <summary>A block sink that keeps every daily metric of every lane, [lane, day, metric], for comparisons with <see cref="ReferencePath"/>.</summary>
internal sealed class DailyCapture(int days) : IBlockSink
{
    public readonly double[,,] Daily = new double[BlockKernel.BlockSize, days, MetricCatalog.DailyCount];

    public void AcceptDay(int day, ReadOnlySpan<double> values, int count)
    {
        for (int m = 0; m < MetricCatalog.DailyCount; m++)
            for (int i = 0; i < count; i++) Daily[i, day, m] = values[m * BlockKernel.BlockSize + i];
    }

    public void AcceptSummaries(ReadOnlySpan<double> values, int count)
    {
    }
}
