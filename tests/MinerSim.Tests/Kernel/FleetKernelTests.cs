using MinerSim.Kernel;
using MinerSim.Metrics;
using MinerSim.Scenarios;
using MinerSim.Tests.Fixtures;

namespace MinerSim.Tests.Kernel;

/// <summary>Section 11 (fleet dynamics): the vectorized kernel against the scalar reference, and the mechanism's own properties.</summary>
public sealed class FleetKernelTests
{
    /// <summary>The reference miners with a fleet block, on a price that halves and recovers (switch-offs, orders, retirement).</summary>
    internal static Scenario WithFleet(double spreadScale = 1.0, double reinvestSigma = 0.5, double mustRun = 0.15)
    {
        var s = TestScenarios.Load("reference");
        return s with
        {
            Price = s.Price with { Sigma = 0.8, Mu = -0.3 },
            Fleet = new FleetSpec
            {
                NewEfficiency = 13.5, NewPowerPrice = 0.05, MachinePrice = 1.0, Reinvest = 0.6, ReinvestSigma = reinvestSigma,
                MaxPayback = 700, DeliveryDays = 120, RetireRate = 2.0, Ordered0 = 40, Shipping0 = 30, MaxOrdersMw = 12, MustRun = mustRun, CapacitySigma = 0.1,
            },
            Cohorts = [.. s.Cohorts.Select(c => c with { PSpread = c.PSpread * spreadScale })],
            // Section 11.5: one shock from day 20, back over 30 days.
            Events = [new EventSpec { Date = s.StartDate!.Value.AddDays(20), ShareOff = 0.4, DaysBack = 30 }],
        };
    }

    [TestCase(1.0, 0.15, 0)]
    [TestCase(0.0, 0.15, 0)]
    [TestCase(1.0, 0.0, 45)]
    public void Kernel_MatchesScalarReference_WithFleet(double spreadScale, double mustRun, int historyDays)
    {
        var s = WithFleet(spreadScale, mustRun: mustRun);
        // A falling history (1,400 EH/s 45 days ago down to 1,000): some paths start with the ribbon inverted.
        s = s with { Network = s.Network with { HashrateHistory = [.. Enumerable.Range(0, historyDays).Select(d => 1400.0 - 400.0 * d / historyDays)] } };
        var m = new CompiledScenario(s, 200);
        var capture = new DailyCapture(m.Days);
        new BlockKernel(m).Run(11, 3000, 64, capture);
        for (int i = 0; i < 64; i++)
        {
            var expected = ReferencePath.Simulate(m, 11, 3000 + i);
            for (int t = 0; t < m.Days; t++)
            {
                for (int k = 0; k < MetricCatalog.DailyCount; k++)
                {
                    double e = expected[t, (DailyMetric)k];
                    Assert.That(capture.Daily[i, t, k], Is.EqualTo(e).Within(1e-9 * Math.Max(1.0, Math.Abs(e))), $"path {3000 + i} day {t} {MetricCatalog.DailyMetricNames[k]}");
                }
            }
        }
    }

    [Test]
    public void Deliveries_RaiseHashrate_WithALag()
    {
        // No orders, only the pipeline at day 0: Q1 = 0, Q2 = 100 EH/s delivered at 2/L a day (L = 100 days): the
        // installed capacity grows by 100 (1 - e^(-t/50)) in the continuous limit, (1 - (1 - 1/50)^t) exactly.
        var s = TestScenarios.Load("reference") with
        {
            Fleet = new FleetSpec { NewEfficiency = 13.5, Reinvest = 0, DeliveryDays = 100, Shipping0 = 100 },
        };
        var m = new CompiledScenario(s with { Price = s.Price with { Sigma = 0, LambdaJ = 0 } }, 101);
        var a = ReferencePath.Simulate(m, 1, 0);
        var baseline = new CompiledScenario(s with { Fleet = s.Fleet! with { Shipping0 = 0 }, Price = s.Price with { Sigma = 0, LambdaJ = 0 } }, 101);
        var b = ReferencePath.Simulate(baseline, 1, 0);
        // Day 100: 100 (1 - 0.98^100) = 86.7 EH/s more installed, all running at this hashprice (13.5 J/TH is far below it).
        double installedA = a[100, DailyMetric.Hashrate] / a[100, DailyMetric.ActiveShare];
        double installedB = b[100, DailyMetric.Hashrate] / b[100, DailyMetric.ActiveShare];
        Assert.That(installedA - installedB, Is.EqualTo(100 * (1 - Math.Pow(0.98, 100))).Within(0.5));
        Assert.That(a[0, DailyMetric.Hashrate], Is.EqualTo(b[0, DailyMetric.Hashrate]));
    }

    [Test]
    public void WithoutOrdersOrRetirement_CapacityStaysPut()
    {
        // v1.1 would grow every calm cohort; section 11 replaces step 10, so with nothing ordered or scrapped K stays K0.
        var s = TestScenarios.Load("reference") with { Fleet = new FleetSpec { NewEfficiency = 13.5 } };
        var path = ReferencePath.Simulate(new CompiledScenario(s, 60), 4, 2);
        double installed0 = path[0, DailyMetric.Hashrate] / path[0, DailyMetric.ActiveShare];
        double installed59 = path[59, DailyMetric.Hashrate] / path[59, DailyMetric.ActiveShare];
        Assert.That(installed59, Is.EqualTo(installed0).Within(1e-9 * installed0));
        Assert.That(installed0, Is.EqualTo(s.Cohorts.Sum(c => c.K0)).Within(1e-9 * installed0));
    }

    [Test]
    public void Orders_FollowPayback()
    {
        var f = new CompiledFleet(new FleetSpec { NewEfficiency = 20, NewPowerPrice = 0.05, MachinePrice = 1.0, Reinvest = 0.5, MaxPayback = 500 }, TestScenarios.Load("reference").Cohorts);
        // uN = 24,000 * 20 * 0.05 = 24,000 USD per EH/s a day; M = 20e6 USD per EH/s.
        Assert.That(f.Orders(1, 24_000, 500), Is.Zero);
        Assert.That(f.Orders(1, 64_000, 500), Is.Zero); // payback exactly 500 days
        // hp 124,000: payback 200 days, signal 0.6; revenue 124,000 * 500 = 62e6 USD a day; 0.5 * 62e6 * 0.6 / 20e6 = 0.93 EH/s.
        Assert.That(f.Orders(1, 124_000, 500), Is.EqualTo(0.93).Within(1e-12));
        Assert.That(f.Orders(2, 124_000, 500), Is.EqualTo(1.86).Within(1e-12));
        // The industry builds at most Gmax MW a day: 10 MW of 20 J/TH machines is 0.5 EH/s, times the path's intensity.
        var capped = new CompiledFleet(new FleetSpec { NewEfficiency = 20, Reinvest = 0.5, MaxPayback = 500, MaxOrdersMw = 10 }, TestScenarios.Load("reference").Cohorts);
        Assert.That(capped.Orders(1, 124_000, 500), Is.EqualTo(0.5).Within(1e-12));
        Assert.That(capped.Orders(1.5, 124_000, 500), Is.EqualTo(0.75).Within(1e-12));
    }

    [Test]
    public void RibbonStartsFromTheGivenHistory()
    {
        var s = TestScenarios.Load("reference");
        var flat = ReferencePath.Simulate(new CompiledScenario(s, 5), 1, 0);
        Assert.That(flat[0, DailyMetric.RibbonInverted], Is.Zero); // v1.1: days before day 0 count as day 0's H
        double h0 = flat[0, DailyMetric.Hashrate];
        // 59 days falling from 1.5 H0 to just above H0: the 30-day average is below the 60-day one at once.
        double[] falling = [.. Enumerable.Range(0, 59).Select(d => h0 * (1.5 - 0.5 * d / 59.0))];
        var inverted = ReferencePath.Simulate(new CompiledScenario(s with { Network = s.Network with { HashrateHistory = falling } }, 5), 1, 0);
        Assert.That(inverted[0, DailyMetric.RibbonInverted], Is.EqualTo(1.0));
        double[] rising = [.. falling.Reverse().Select(x => x * 0.5)];
        var notInverted = ReferencePath.Simulate(new CompiledScenario(s with { Network = s.Network with { HashrateHistory = rising } }, 5), 1, 0);
        Assert.That(notInverted[0, DailyMetric.RibbonInverted], Is.Zero);
        // Only the ribbon moves: the same hashrate every day.
        Assert.That(inverted[4, DailyMetric.Hashrate], Is.EqualTo(flat[4, DailyMetric.Hashrate]));
    }
}
