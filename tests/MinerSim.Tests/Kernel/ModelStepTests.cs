using MathNet.Numerics.Distributions;
using MinerSim.Kernel;
using MinerSim.Metrics;
using MinerSim.Scenarios;

namespace MinerSim.Tests.Kernel;

/// <summary>Single steps of MODEL.md section 4 against values computed by hand.</summary>
public sealed class ModelStepTests
{
    /// <summary>A deterministic one-cohort world built on seed-base: no volatility, fixed fee, no growth.</summary>
    private static Scenario World(double k0, double hd0, double pMedian = 0, double spread = 0, double financing = 0, double feeMedian = 0, int days = 30)
    {
        var s = TestScenarios.Load("seed-base");
        var c = s.Cohorts[0] with { K0 = k0, PMedian = pMedian, PSpread = spread, Capex = 0, Financing = financing, Growth = 0, Decay = 0, Funding = 1e12, I0 = 0 };
        return s with
        {
            Days = days,
            Fees = new FeeSpec { Median = feeMedian, Sigma = 0 },
            Network = new NetworkSpec { Hd0 = hd0, Height0 = 927_360, DifficultyAdjustment = true },
            Cohorts = [c],
        };
    }

    [Test]
    public void Retarget_MeasuresThe2015IntervalsOfTheEpoch()
    {
        // H = 2 HD: 288 blocks a day, the epoch (starting at a multiple of 2016) closes exactly at the end of day 6.
        var path = ReferencePath.Simulate(new CompiledScenario(World(2000, 1000), 30), 1, 0);
        double span = 7 * 86400.0 * 2015 / 2016;
        Assert.Multiple(() =>
        {
            Assert.That(path[5, DailyMetric.DifficultyHashrate], Is.EqualTo(1000.0));
            Assert.That(path[6, DailyMetric.DifficultyHashrate], Is.EqualTo(1000.0 * 1_209_600 / span).Within(1e-9));
            Assert.That(path[6, DailyMetric.DifficultyHashrate], Is.EqualTo(2000.0 * 2016 / 2015).Within(1e-9));
        });
    }

    [Test]
    public void Retarget_ClampsAtFourTimes()
    {
        // H = 10 HD: 1440 blocks a day; the epoch closes 0.4 into day 1, span 1.4 days < 3.5 days: factor 4.
        var path = ReferencePath.Simulate(new CompiledScenario(World(10_000, 1000), 30), 1, 0);
        Assert.Multiple(() =>
        {
            Assert.That(path[0, DailyMetric.DifficultyHashrate], Is.EqualTo(1000.0));
            Assert.That(path[1, DailyMetric.DifficultyHashrate], Is.EqualTo(4000.0));
        });
    }

    [Test]
    public void Retarget_ClampsAtOneQuarter()
    {
        // H = HD / 10: 14.4 blocks a day; 140 days for an epoch > 56 days: HD falls by exactly 4.
        var path = ReferencePath.Simulate(new CompiledScenario(World(100, 1000, days: 150), 150), 1, 0);
        int closing = Enumerable.Range(0, 150).First(t => path[t, DailyMetric.DifficultyHashrate] != 1000.0);
        Assert.That(path[closing, DailyMetric.DifficultyHashrate], Is.EqualTo(250.0));
        Assert.That(closing, Is.EqualTo(139));
    }

    [Test]
    public void Hashprice_And_RunningShare_MatchHandComputation()
    {
        // Day 0: P = 90,000, R = 3.125 + 0.025, HD = 1000: hp = 144 R P / HD = 40,824 USD per EH/s per day.
        // Tier median cost u = 24,000 * 20 J/TH * 0.05 USD/kWh = 24,000; running share Phi(ln(hp/u)/0.3).
        var path = ReferencePath.Simulate(new CompiledScenario(World(1000, 1000, pMedian: 0.05, spread: 0.3, feeMedian: 0.025), 30), 1, 0);
        double hp = 144 * 3.15 * 90_000 / 1000.0;
        double on = Normal.CDF(0, 1, Math.Log(hp / 24_000) / 0.3);
        Assert.Multiple(() =>
        {
            Assert.That(path[0, DailyMetric.Hashprice], Is.EqualTo(hp / 1000).Within(1e-12));
            Assert.That(path[0, DailyMetric.ActiveShare], Is.EqualTo(on).Within(1e-12));
            Assert.That(path[0, DailyMetric.Hashrate], Is.EqualTo(1000 * on).Within(1e-9));
        });
    }

    [TestCase(0.999, 1.0, 1.0)]   // AISC just above the price: stress regime, sell 100% of production
    [TestCase(1.001, 0.0, 0.5)]   // AISC just below: near regime, sell phiNear = 50%
    public void Aisc_DecidesRegime_AtTheHandComputedThreshold(double priceOverAisc, double belowAisc, double share)
    {
        // The three layers on day 0, by hand: power of the running share, opex on all capacity, financing.
        double hp = 144 * 3.125 * 90_000 / 1000.0;
        double u = 24_000 * 20 * 0.05, s = 0.3;
        double z = Math.Log(hp / u) / s;
        double on = Normal.CDF(0, 1, z);
        double power = 1000 * u * Math.Exp(s * s / 2) * Normal.CDF(0, 1, z - s);
        double q = 144 * 3.125 * 1000 * on / 1000;
        // AISC = N / Q; choose financing so that P / AISC = priceOverAisc.
        double financing = 90_000 * q / priceOverAisc - power;
        var world = World(1000, 1000, pMedian: 0.05, spread: 0.3, financing: financing, days: 1);
        var path = ReferencePath.Simulate(new CompiledScenario(world, 1), 1, 0);
        Assert.Multiple(() =>
        {
            Assert.That(path[SummaryMetric.DaysBelowAisc], Is.EqualTo(belowAisc));
            Assert.That(path[0, DailyMetric.MinerSales], Is.EqualTo(share * q).Within(1e-9));
        });
    }

    [Test]
    public void Inventory_NeverNegative_SalesNeverAboveInventoryPlusProduction()
    {
        var model = new CompiledScenario(TestScenarios.Load("reference"), 365);
        for (long p = 0; p < 200; p++)
        {
            var path = ReferencePath.Simulate(model, 3, p);
            double previous = model.InitialInventory;
            for (int t = 0; t < model.Days; t++)
            {
                double inventory = path[t, DailyMetric.MinerInventory];
                double sold = path[t, DailyMetric.MinerSales];
                Assert.That(inventory, Is.GreaterThanOrEqualTo(0.0), $"path {p} day {t}");
                Assert.That(sold, Is.GreaterThanOrEqualTo(0.0), $"path {p} day {t}");
                // I_t = I_{t-1} + Q_t - S_t with Q_t >= 0, so S_t <= I_{t-1} + Q_t  <=>  I_t >= 0; and
                // production is at most 144 R blocks' worth: S_t - (I_{t-1} - I_t) = Q_t <= 144 * (50 + 10) * H/HD.
                double production = inventory - previous + sold;
                Assert.That(production, Is.GreaterThanOrEqualTo(-1e-6));
                Assert.That(sold, Is.LessThanOrEqualTo(previous + production + 1e-6));
                previous = inventory;
            }
        }
    }
}
