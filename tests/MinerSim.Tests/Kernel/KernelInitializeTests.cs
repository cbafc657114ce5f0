using MinerSim.Kernel;
using MinerSim.Random;
using MinerSim.Scenarios;

namespace MinerSim.Tests.Kernel;

/// <summary>
/// The kernel's vectorized section 3 draws against a scalar <see cref="PathStream"/> advanced by the same draws:
/// every simulated lane (also the ones past count, rounded up to a whole vector) must leave its stream in the
/// same state, so that every later day draws the same uniforms.
/// </summary>
public sealed class KernelInitializeTests
{
    private static CompiledScenario Compile(string variant)
    {
        var s = TestScenarios.Load("reference");
        switch (variant)
        {
            case "regime":
                var regime = new RegimeSpec { BullMu = 0.6, BullSigma = 0.45, BearMu = -0.5, BearSigma = 0.8, PBullToBear = 0.02, PBearToBull = 0.03 };
                return new CompiledScenario(s with { Price = s.Price with { Model = "regime", Regime = regime, Gamma = 0.5 } }, 10);
            case "free-power":
                // p_median = 0 is valid: ln p = -inf in every lane, as Math.Log gives.
                var cohorts = s.Cohorts.Select((k, c) => c == 1 ? k with { PMedian = 0.0 } : k).ToArray();
                return new CompiledScenario(s with { Cohorts = cohorts }, 10);
            case "tiny-power":
                // A subnormal p_median: about half the lanes draw a subnormal power price.
                var tiny = s.Cohorts.Select((k, c) => c == 1 ? k with { PMedian = 1e-310, PSigma = 5.0 } : k).ToArray();
                return new CompiledScenario(s with { Cohorts = tiny }, 10);
            default:
                return new CompiledScenario(s, 10);
        }
    }

    [TestCase("gbm", 768L, 37)]
    [TestCase("regime", 1000L, 61)]
    [TestCase("regime", 0L, 1024)]
    [TestCase("free-power", 40L, 13)]
    [TestCase("tiny-power", 40L, 13)]
    public void Initialize_LeavesEveryLaneStream_WhereTheScalarDrawsLeaveIt(string variant, long firstPath, int count)
    {
        const ulong seed = 7;
        var m = Compile(variant);
        var kernel = new BlockKernel(m);
        kernel.Prepare(seed, firstPath, count);
        int lanes = (count + 7) & ~7;
        int nc = m.Cohorts.Count;
        for (int i = 0; i < lanes; i++)
        {
            var rng = new PathStream(seed, firstPath + i);
            var phiCalm = new double[nc];
            var lnPowerPrice = new double[nc];
            var lnTolerance = new double[nc];
            for (int c = 0; c < nc; c++)
            {
                var k = m.Cohorts[c];
                double p = k.PMedian * Math.Exp(k.PSigma * Gaussian.NextPair(ref rng).Z0);
                lnPowerPrice[c] = Math.Log(p);
                // A few ulp of ln p, and for a subnormal p a few of its own (coarser) spacings: an ulp of exp moves its rounding.
                lnTolerance[c] = 1e-13 * Math.Max(1.0, Math.Abs(lnPowerPrice[c])) + (p > 0 && p < 2.2250738585072014E-308 ? 4 * double.Epsilon / p : 0.0);
                phiCalm[c] = k.PhiCalmLo + k.PhiCalmWidth * rng.NextOpen();
            }

            double eprev = m.MuE + m.SigmaE * Gaussian.NextPair(ref rng).Z0;
            double bull = m.Model == PriceModelKind.Regime && rng.NextOpen() < m.PStartBull ? 1.0 : 0.0;
            rng.GetState(out ulong s0, out ulong s1, out ulong s2, out ulong s3);

            Assert.That(kernel.LaneState(i), Is.EqualTo((s0, s1, s2, s3)), $"lane {i} stream state");
            for (int c = 0; c < nc; c++)
            {
                var got = kernel.LaneStart(c, i);
                // The same uniform through the same affine map: the same bits.
                Assert.That(got.PhiCalm, Is.EqualTo(phiCalm[c]), $"lane {i} cohort {c} phiCalm");
                // Vector Box-Muller, exp and log: within a few ulp (normals below 8.6, p_sigma at most 5).
                if (double.IsNegativeInfinity(lnPowerPrice[c])) Assert.That(got.LnPowerPrice, Is.EqualTo(double.NegativeInfinity), $"lane {i} cohort {c} ln p");
                else Assert.That(got.LnPowerPrice, Is.EqualTo(lnPowerPrice[c]).Within(lnTolerance[c]), $"lane {i} cohort {c} ln p");
            }

            var start = kernel.LaneStart(0, i);
            Assert.That(start.Eprev, Is.EqualTo(eprev).Within(1e-13 * (Math.Abs(m.MuE) + m.SigmaE)), $"lane {i} ETF start");
            Assert.That(start.Bull, Is.EqualTo(bull), $"lane {i} start regime");
        }

        if (variant == "regime")
        {
            // The regime draw was taken: both regimes occur among the lanes.
            var bulls = Enumerable.Range(0, lanes).Select(i => kernel.LaneStart(0, i).Bull).Distinct().Count();
            Assert.That(bulls, Is.EqualTo(2));
        }
    }
}
