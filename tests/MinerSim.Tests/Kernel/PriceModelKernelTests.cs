using MinerSim.Kernel;
using MinerSim.Metrics;
using MinerSim.Random;
using MinerSim.Scenarios;

namespace MinerSim.Tests.Kernel;

/// <summary>The vectorized kernel against the scalar reference for the regime and bootstrap price models.</summary>
public sealed class PriceModelKernelTests
{
    private sealed class Capture(int days) : IBlockSink
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

    private static CompiledScenario Compile(string model)
    {
        var s = TestScenarios.Load("reference");
        if (model == "regime")
        {
            var regime = new RegimeSpec { BullMu = 0.6, BullSigma = 0.45, BearMu = -0.5, BearSigma = 0.8, PBullToBear = 0.02, PBearToBull = 0.03 };
            return new CompiledScenario(s with { Price = s.Price with { Model = "regime", Regime = regime, Gamma = 0.5 } }, 120);
        }

        var rng = new PathStream(99, 0);
        var returns = Enumerable.Range(0, 700).Select(_ => 0.03 * Gaussian.NextPair(ref rng).Z0).ToArray();
        var spec = new BootstrapSpec { File = "synthetic.csv", BlockDays = 20, Demean = true };
        return new CompiledScenario(s with { Price = s.Price with { Model = "bootstrap", Bootstrap = spec } }, 120, returns);
    }

    [TestCase("regime")]
    [TestCase("bootstrap")]
    public void Kernel_MatchesScalarReference_ForPriceModel(string model)
    {
        var m = Compile(model);
        var capture = new Capture(m.Days);
        new BlockKernel(m).Run(5, 512, 64, capture);
        for (int i = 0; i < 64; i++)
        {
            var expected = ReferencePath.Simulate(m, 5, 512 + i);
            for (int t = 0; t < m.Days; t++)
            {
                for (int k = 0; k < MetricCatalog.DailyCount; k++)
                {
                    double e = expected[t, (DailyMetric)k];
                    Assert.That(capture.Daily[i, t, k], Is.EqualTo(e).Within(1e-9 * Math.Max(1.0, Math.Abs(e))), $"path {512 + i} day {t} {MetricCatalog.DailyMetricNames[k]}");
                }
            }
        }
    }
}
