using MinerSim.Kernel;
using MinerSim.Scenarios;
using MinerSim.Tests.Questions;

namespace MinerSim.Tests.Prices;

/// <summary>
/// Moments of the three price models, measured on the block kernel with fixed seeds. Bands are
/// four standard errors of the estimate (a false alarm about once in 16,000 runs per check).
/// </summary>
public sealed class PriceModelTests
{
    [Test]
    [Category("Statistical")]
    public void Gbm_MeanPrice_IsP0ExpMuT_WithCompensatedJumps()
    {
        // Big, frequent, negative jumps: without the compensator kappa the mean would be off by
        // lambdaJ (exp(muJ + sigmaJ^2/2) - 1) t / 365, about -16% at t = 180.
        var price = new PriceSpec { P0 = 90_000, Mu = 0.3, Sigma = 0.6, LambdaJ = 12, MuJ = -0.08, SigmaJ = 0.1 };
        const int T = 181, N = 20_000;
        var model = new CompiledScenario(QuestionScenarios.OneCohort(price, T), T);
        var trace = PriceTrace.Run(model, N);
        foreach (int t in new[] { 30, 90, 180 })
        {
            var x = trace.Values.Select(p => p[t]).ToArray();
            double mean = x.Average();
            double se = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (N - 1) / N);
            double expected = 90_000 * Math.Exp(0.3 * t / 365.0);
            Assert.That(mean, Is.EqualTo(expected).Within(4 * se), $"day {t}: se {se:F1}");
        }
    }

    [TestCase(0.0, 0.0, 0.0)]
    [TestCase(12.0, -0.08, 0.1)]
    [Category("Statistical")]
    public void Gbm_LogReturnVariance_IsSigmaSquaredT_PlusJumpVariance(double lambdaJ, double muJ, double sigmaJ)
    {
        var price = new PriceSpec { P0 = 90_000, Mu = 0.1, Sigma = 0.55, LambdaJ = lambdaJ, MuJ = muJ, SigmaJ = sigmaJ };
        const int T = 121, N = 20_000;
        var model = new CompiledScenario(QuestionScenarios.OneCohort(price, T), T);
        var trace = PriceTrace.Run(model, N, seed: 3);
        int t = T - 1;
        var x = trace.Values.Select(p => Math.Log(p[t] / 90_000)).ToArray();
        double mean = x.Average();
        double variance = x.Sum(v => (v - mean) * (v - mean)) / (N - 1);

        // A day's jump J is N(muJ, sigmaJ) with probability q = lambdaJ / 365, else 0.
        double q = lambdaJ / 365.0;
        double jumpVar = q * (muJ * muJ + sigmaJ * sigmaJ) - q * q * muJ * muJ;
        double expected = t * (0.55 * 0.55 / 365.0 + jumpVar);
        // Standard error of a sample variance: var * sqrt(2 / (N - 1)) for normal data; jumps add
        // kurtosis, so take twice that.
        double se = 2 * expected * Math.Sqrt(2.0 / (N - 1));
        Assert.That(variance, Is.EqualTo(expected).Within(4 * se));
    }

    [Test]
    [Category("Statistical")]
    public void Regime_SwitchingFrequencies_MatchDailyProbabilities()
    {
        // Zero volatility and no jumps: a day's log return is exactly the state's daily drift,
        // +0.01 (bull) or -0.01 (bear), so the state sequence can be read off every path.
        var regime = new RegimeSpec { BullMu = 3.65, BullSigma = 0, BearMu = -3.65, BearSigma = 0, PBullToBear = 0.02, PBearToBull = 0.05 };
        var price = new PriceSpec { Model = "regime", P0 = 90_000, Regime = regime };
        const int T = 365, N = 4_000;
        var model = new CompiledScenario(QuestionScenarios.OneCohort(price, T), T);
        var trace = PriceTrace.Run(model, N, seed: 5);
        long bullDays = 0, bullToBear = 0, bearDays = 0, bearToBull = 0, firstBull = 0;
        for (long p = 0; p < N; p++)
        {
            var r = trace.LogReturns(p);
            foreach (double x in r) Assert.That(Math.Abs(Math.Abs(x) - 0.01), Is.LessThan(1e-9), "a day's return is one state's drift");
            if (r[0] > 0) firstBull++;
            for (int t = 1; t < r.Length; t++)
            {
                if (r[t - 1] > 0)
                {
                    bullDays++;
                    if (r[t] < 0) bullToBear++;
                }
                else
                {
                    bearDays++;
                    if (r[t] > 0) bearToBull++;
                }
            }
        }

        AssertFrequency(bullToBear, bullDays, 0.02, "bull to bear");
        AssertFrequency(bearToBull, bearDays, 0.05, "bear to bull");
        // Paths start in the stationary share (not given: pBearToBull / (sum)) and stay there.
        AssertFrequency(firstBull, N, 0.05 / 0.07, "bull on day 1");
    }

    [TestCase(true, 0.4, 0.45)]
    [TestCase(false, -0.5, 0.9)]
    [Category("Statistical")]
    public void Regime_DailyReturnSd_IsTheStatesVolatility(bool bull, double mu, double sigma)
    {
        // Never switching, so every day is in one state.
        var regime = new RegimeSpec { BullMu = bull ? mu : 0, BullSigma = bull ? sigma : 0.1, BearMu = bull ? 0 : mu, BearSigma = bull ? 0.1 : sigma, PBullToBear = 0, PBearToBull = 0, PStartBull = bull ? 1 : 0 };
        var price = new PriceSpec { Model = "regime", P0 = 90_000, Regime = regime };
        const int T = 101, N = 2_000;
        var model = new CompiledScenario(QuestionScenarios.OneCohort(price, T), T);
        var trace = PriceTrace.Run(model, N, seed: 9);
        var r = Enumerable.Range(0, N).SelectMany(p => trace.LogReturns(p)).ToArray();
        double mean = r.Average();
        double sd = Math.Sqrt(r.Sum(v => (v - mean) * (v - mean)) / (r.Length - 1));
        double expectedSd = sigma / Math.Sqrt(365);
        double expectedMean = (mu - 0.5 * sigma * sigma) / 365;
        Assert.Multiple(() =>
        {
            Assert.That(sd, Is.EqualTo(expectedSd).Within(4 * expectedSd / Math.Sqrt(2.0 * r.Length)));
            Assert.That(mean, Is.EqualTo(expectedMean).Within(4 * expectedSd / Math.Sqrt(r.Length)));
        });
    }

    [Test]
    public void Bootstrap_DailyReturns_ComeFromTheHistory()
    {
        double[] history = [0.01, -0.02, 0.04];
        var price = new PriceSpec { Model = "bootstrap", P0 = 90_000, Bootstrap = new BootstrapSpec { File = "h.csv", BlockDays = 1 } };
        const int T = 60;
        var model = new CompiledScenario(QuestionScenarios.OneCohort(price, T), T, history);
        var trace = PriceTrace.Run(model, 500, seed: 11);
        var seen = new int[3];
        for (long p = 0; p < 500; p++)
        {
            foreach (double x in trace.LogReturns(p))
            {
                int k = Array.FindIndex(history, h => Math.Abs(h - x) < 1e-12);
                Assert.That(k, Is.GreaterThanOrEqualTo(0), $"return {x} is not in the history");
                seen[k]++;
            }
        }

        // Each history day is drawn with probability 1/3.
        int n = seen.Sum();
        foreach (int c in seen) AssertFrequency(c, n, 1.0 / 3, "history day");
    }

    [Test]
    public void Bootstrap_Blocks_AreConsecutiveHistoryDays()
    {
        double[] history = [0.01, 0.02, 0.04, -0.03];
        var price = new PriceSpec { Model = "bootstrap", P0 = 90_000, Bootstrap = new BootstrapSpec { File = "h.csv", BlockDays = 3 } };
        const int T = 61; // days 1 .. 60: twenty blocks of three
        var model = new CompiledScenario(QuestionScenarios.OneCohort(price, T), T, history);
        var trace = PriceTrace.Run(model, 300, seed: 13);
        var starts = new int[2];
        for (long p = 0; p < 300; p++)
        {
            var r = trace.LogReturns(p);
            for (int b = 0; b < r.Length; b += 3)
            {
                int start = Array.FindIndex(history, h => Math.Abs(h - r[b]) < 1e-12);
                Assert.That(start, Is.InRange(0, 1), "a block starts where a whole block fits");
                Assert.That(r[b + 1], Is.EqualTo(history[start + 1]).Within(1e-12));
                Assert.That(r[b + 2], Is.EqualTo(history[start + 2]).Within(1e-12));
                starts[start]++;
            }
        }

        AssertFrequency(starts[0], starts.Sum(), 0.5, "block start");
    }

    [Test]
    public void Bootstrap_Demean_SubtractsTheSampleMean()
    {
        double[] history = [0.01, 0.02, 0.06];
        var price = new PriceSpec { Model = "bootstrap", P0 = 90_000, Bootstrap = new BootstrapSpec { File = "h.csv", BlockDays = 1, Demean = true } };
        var model = new CompiledScenario(QuestionScenarios.OneCohort(price, 10), 10, history);
        Assert.That(model.HistoricalReturns, Is.EqualTo(new[] { -0.02, -0.01, 0.03 }).Within(1e-15));
    }

    private static void AssertFrequency(long hits, long trials, double p, string what)
    {
        double se = Math.Sqrt(p * (1 - p) / trials);
        Assert.That(hits / (double)trials, Is.EqualTo(p).Within(4 * se), $"{what}: {hits} of {trials}");
    }
}
