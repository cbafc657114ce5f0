using MinerSim.Kernel;
using MinerSim.Metrics;
using MinerSim.Random;
using MinerSim.Scenarios;
using MinerSim.Tests.Fixtures;

namespace MinerSim.Tests.Kernel;

/// <summary>The vectorized kernel against the scalar reference for the regime, bootstrap and replay price models.</summary>
public sealed class PriceModelKernelTests
{
    private static CompiledScenario Compile(string model)
    {
        var s = TestScenarios.Load("reference");
        if (model == "regime")
        {
            var regime = new RegimeSpec { BullMu = 0.6, BullSigma = 0.45, BearMu = -0.5, BearSigma = 0.8, PBullToBear = 0.02, PBearToBull = 0.03 };
            return new CompiledScenario(s with { Price = s.Price with { Model = "regime", Regime = regime, Gamma = 0.5 } }, 120);
        }

        var rng = new PathStream(99, 0);
        if (model == "replay")
        {
            // A falling then recovering history: 40k -> 15k -> 60k over 120 days, so miners switch off and on.
            var closes = Enumerable.Range(0, 120).Select(t => 40_000 * Math.Exp(-1.0 * Math.Sin(Math.PI * t / 120) + 0.4 * t / 120)).ToArray();
            var replay = s with { StartDate = new DateOnly(2022, 1, 1), Price = s.Price with { Model = "replay", Replay = new ReplaySpec { File = "synthetic.csv" } } };
            return new CompiledScenario(replay, 120, replayCloses: closes);
        }

        var returns = Enumerable.Range(0, 700).Select(_ => 0.03 * Gaussian.NextPair(ref rng).Z0).ToArray();
        var spec = new BootstrapSpec { File = "synthetic.csv", BlockDays = 20, Demean = true };
        return new CompiledScenario(s with { Price = s.Price with { Model = "bootstrap", Bootstrap = spec } }, 120, returns);
    }

    [TestCase("regime")]
    [TestCase("bootstrap")]
    [TestCase("replay")]
    public void Kernel_MatchesScalarReference_ForPriceModel(string model)
    {
        var m = Compile(model);
        var capture = new DailyCapture(m.Days);
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

/// <summary>The replay price model: every path has the real closes, and the other draws are the GBM model's.</summary>
public sealed class ReplayPriceTests
{
    [Test]
    public void EveryPath_FollowsTheCloses_AndKeepsTheGbmDraws()
    {
        var s = TestScenarios.Load("reference");
        double[] closes = [50_000, 51_000, 49_500, 20_000, 80_000, 80_000];
        var replay = new CompiledScenario(
            s with { StartDate = new DateOnly(2021, 5, 1), Price = s.Price with { Model = "replay", Replay = new ReplaySpec { File = "x.csv" } } }, closes.Length, replayCloses: closes);
        var gbm = new CompiledScenario(s, closes.Length);
        Assert.That(replay.P0, Is.EqualTo(50_000));
        for (long path = 0; path < 4; path++)
        {
            var a = ReferencePath.Simulate(replay, 3, path);
            var b = ReferencePath.Simulate(gbm, 3, path);
            for (int t = 0; t < closes.Length; t++)
            {
                Assert.That(a[t, DailyMetric.Price], Is.EqualTo(closes[t]), $"path {path} day {t}");
                // Same stream: the ETF flows (which use only the day's draws and no price) are identical.
                Assert.That(a[t, DailyMetric.EtfFlow], Is.EqualTo(b[t, DailyMetric.EtfFlow]), $"path {path} day {t}");
            }
        }
    }

    [Test]
    public void TooFewCloses_AreRefused()
    {
        var s = TestScenarios.Load("reference");
        var replay = s with { StartDate = new DateOnly(2021, 5, 1), Price = s.Price with { Model = "replay", Replay = new ReplaySpec { File = "x.csv" } } };
        Assert.Throws<ArgumentException>(() => new CompiledScenario(replay, 10, replayCloses: [1.0, 2.0]));
    }
}
