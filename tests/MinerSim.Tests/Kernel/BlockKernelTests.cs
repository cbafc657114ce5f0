using MinerSim.Kernel;
using MinerSim.Metrics;

namespace MinerSim.Tests.Kernel;

public sealed class BlockKernelTests
{
    private sealed class Capture(int days) : IBlockSink
    {
        public readonly double[,,] Daily = new double[BlockKernel.BlockSize, days, MetricCatalog.DailyCount];
        public readonly double[,] Summaries = new double[BlockKernel.BlockSize, MetricCatalog.SummaryCount];

        public void AcceptDay(int day, ReadOnlySpan<double> values, int count)
        {
            for (int m = 0; m < MetricCatalog.DailyCount; m++)
                for (int i = 0; i < count; i++) Daily[i, day, m] = values[m * BlockKernel.BlockSize + i];
        }

        public void AcceptSummaries(ReadOnlySpan<double> values, int count)
        {
            for (int s = 0; s < MetricCatalog.SummaryCount; s++)
                for (int i = 0; i < count; i++) Summaries[i, s] = values[s * BlockKernel.BlockSize + i];
        }
    }

    [TestCase("reference", 0L, 256)]
    [TestCase("reference", 768L, 37)]
    [TestCase("seed-severe", 0L, 8)]
    public void Kernel_MatchesScalarReference_PathByPath(string scenario, long firstPath, int count)
    {
        var model = new CompiledScenario(TestScenarios.Load(scenario), 150);
        var capture = new Capture(model.Days);
        new BlockKernel(model).Run(42, firstPath, count, capture);
        for (int i = 0; i < count; i++)
        {
            var expected = ReferencePath.Simulate(model, 42, firstPath + i);
            for (int t = 0; t < model.Days; t++)
            {
                for (int m = 0; m < MetricCatalog.DailyCount; m++)
                {
                    double e = expected[t, (DailyMetric)m];
                    Assert.That(capture.Daily[i, t, m], Is.EqualTo(e).Within(1e-9 * Math.Max(1.0, Math.Abs(e))),
                        $"path {firstPath + i} day {t} {MetricCatalog.DailyMetricNames[m]}");
                }
            }

            for (int s = 0; s < MetricCatalog.SummaryCount; s++)
            {
                double e = expected.Summaries[s];
                Assert.That(capture.Summaries[i, s], Is.EqualTo(e).Within(1e-9 * Math.Max(1.0, Math.Abs(e))),
                    $"path {firstPath + i} {MetricCatalog.SummaryMetricNames[s]}");
            }
        }
    }
}
