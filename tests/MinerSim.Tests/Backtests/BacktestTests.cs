using MinerSim.Backtests;
using MinerSim.Miners;
using MinerSim.Network;
using MinerSim.Prices;

namespace MinerSim.Tests.Backtests;

/// <summary>The backtest engine on the shipped history.</summary>
public sealed class BacktestTests
{
    private static readonly Lazy<BacktestData> Data = new(() => new BacktestData(
        ChainHistory.Parse(File.ReadAllText(Path.Combine(TestScenarios.RepoRoot, "samples", "data", "difficulty-epochs.csv")), "epochs"),
        HistoricalPrices.ParseCloses(File.ReadAllText(Path.Combine(TestScenarios.RepoRoot, "samples", "data", "btc-usd-daily.csv")), "prices"),
        EfficiencyFrontier.Parse(File.ReadAllText(Path.Combine(TestScenarios.RepoRoot, "samples", "data", "asic-frontier.csv")), "frontier")));

    [Test]
    public void AtOrigin_PlacesTheScenarioOnTheRealChain()
    {
        var template = TestScenarios.Load("reference");
        var from = new DateOnly(2020, 1, 1);
        var s = Backtest.AtOrigin(template, Data.Value, from, 100);
        var chain = Data.Value.Chain.At(from);
        Assert.That(s.StartDate, Is.EqualTo(from));
        Assert.That(s.Days, Is.EqualTo(100));
        Assert.That(s.Price.Model, Is.EqualTo("replay"));
        Assert.That(s.Price.P0, Is.EqualTo(Data.Value.Prices.On(from)));
        Assert.That(s.Network.Hd0, Is.EqualTo(chain.ImpliedHashrate));
        Assert.That(s.Network.Height0, Is.EqualTo(chain.Height));
        // Capacity: at the origin's hashprice and median power prices the fleet runs the last known epoch's hashrate.
        double hp = 144.0 * (MinerSim.Network.Subsidy.AtHeight(chain.Height) + template.Fees.Median) * Data.Value.Prices.On(from) / chain.ImpliedHashrate;
        Assert.That(s.Cohorts.Sum(c => c.K0 * Backtest.RunningShare(c, hp)), Is.EqualTo(chain.Hashrate).Within(1e-9 * chain.Hashrate));
        Assert.That(s.Network.HashrateHistory, Has.Count.EqualTo(59));
        Assert.That(s.Network.HashrateHistory[^1], Is.EqualTo(Data.Value.Chain.At(from.AddDays(-1)).Hashrate));
        Assert.That(s.Network.EpochDays0, Is.EqualTo(chain.EpochDays));
        Assert.That(s.Events, Is.Empty);
        // Every tier's J/TH moves with the frontier: 2020-01-01 (S17 Pro era) over 2025-11-25 (the template's start).
        var frontier = Data.Value.Frontier!;
        double ratio = frontier.At(from) / frontier.At(template.StartDate!.Value);
        Assert.That(ratio, Is.GreaterThan(2));
        Assert.That(s.Cohorts[2].Tiers[2].Efficiency, Is.EqualTo(template.Cohorts[2].Tiers[2].Efficiency * ratio).Within(1e-12));
        Assert.That(Backtest.EfficiencyScale(template, Data.Value with { Frontier = null }, from), Is.EqualTo(1.0));
    }

    [Test]
    public void Run_ScoresEveryRealRetarget_WithBaselines()
    {
        var from = new DateOnly(2020, 1, 1);
        var to = new DateOnly(2020, 7, 1);
        var r = Backtest.Run(TestScenarios.Load("reference"), Data.Value, from, to, 64, 1, 2);
        var expected = Data.Value.Chain.Between(from, to).ToArray();
        Assert.That(r.Rows.Select(x => x.Height), Is.EqualTo(expected.Select(x => x.Height)));
        Assert.That(r.Rows.Select(x => x.Real), Is.EqualTo(expected.Select(x => x.Difficulty)));
        double d0 = Data.Value.Chain.At(from).Difficulty;
        foreach (var row in r.Rows)
        {
            Assert.That(row.P5, Is.LessThanOrEqualTo(row.P50));
            Assert.That(row.P50, Is.LessThanOrEqualTo(row.P95));
            Assert.That(row.Persistence, Is.EqualTo(d0).Within(1e-6 * d0));
        }

        // The 2020 halving (height 630,000, 2020-05-11) halves the subsidy: the constant-hashprice baseline halves with it.
        var before = r.Rows.Last(x => x.Date < new DateOnly(2020, 5, 11));
        var after = r.Rows.First(x => x.Date > new DateOnly(2020, 5, 15));
        double priceRatio = Data.Value.Prices.On(after.Date) / Data.Value.Prices.On(before.Date);
        Assert.That(after.ConstantHashprice / before.ConstantHashprice, Is.EqualTo(0.5 * priceRatio).Within(1e-9));
        Assert.That(r.Persistence.Median, Is.EqualTo(ForecastError.Of(r.Rows, x => x.Persistence).Median));
    }

    [Test]
    public void Run_DoesNotDependOnThreads()
    {
        var template = TestScenarios.Load("reference");
        var from = new DateOnly(2018, 3, 15);
        var a = Backtest.Run(template, Data.Value, from, from.AddMonths(4), 1500, 7, 1);
        var b = Backtest.Run(template, Data.Value, from, from.AddMonths(4), 1500, 7, 2);
        Assert.That(a.Rows, Is.EqualTo(b.Rows));
    }

    [Test]
    public void Rolling_OriginsAreMonthsApart_AndSplitInAndOutOfSample()
    {
        Assert.That(RollingBacktest.Origins(new DateOnly(2019, 1, 1), new DateOnly(2020, 6, 30), 6),
            Is.EqualTo(new[] { new DateOnly(2019, 1, 1), new DateOnly(2019, 7, 1), new DateOnly(2020, 1, 1) }));
        var rolling = RollingBacktest.Run(TestScenarios.Load("reference"), Data.Value, new DateOnly(2019, 1, 1), new DateOnly(2020, 1, 1), 6, 3,
            new DateOnly(2020, 1, 1), 32, 1, 2);
        Assert.That(rolling.BeforeFitEnd.Origins, Is.EqualTo(2));
        Assert.That(rolling.OutOfSample.Origins, Is.EqualTo(1));
        Assert.That(rolling.OutOfSample.Model, Is.EqualTo(rolling.Results[2].Model.Median));
    }

    [Test]
    public void Refuses_WindowsOutsideTheData()
    {
        Assert.That(Data.Value.Refuses(new DateOnly(2023, 6, 1), new DateOnly(2024, 6, 1)), Does.Contain("after the last day of the data (2024-03-31"));
        Assert.That(Data.Value.Refuses(new DateOnly(2014, 7, 1), new DateOnly(2015, 1, 1)), Does.Contain("outside the data (2014-09-17"));
        Assert.That(Data.Value.Refuses(new DateOnly(2014, 1, 1), new DateOnly(2015, 1, 1)), Does.Contain("before the efficiency frontier's first machine"));
        Assert.That(Data.Value.Refuses(new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 1)), Does.Contain("not after the origin"));
        Assert.That(Data.Value.Refuses(new DateOnly(2016, 1, 1), new DateOnly(2023, 3, 31)), Is.Null);
    }

    [Test]
    public void AtOrigin_CarriesTheRealShocks_AndSpinsUpThePipeline()
    {
        var baseline = TestScenarios.Load("baseline");
        var ban = new MinerSim.Scenarios.EventSpec { Date = new DateOnly(2021, 6, 18), ShareOff = 0.5, DaysBack = 180, Name = "ban" };
        var data = Data.Value with { Events = [ban] };
        var from = new DateOnly(2021, 7, 1);
        var s = Backtest.AtOrigin(baseline, data, from, 366);
        Assert.That(s.Events, Is.EqualTo((MinerSim.Scenarios.EventSpec[])[ban]));
        // On 2021-07-01 the last finished epoch (2021-05-30 .. 06-13) predates the ban: the placed fleet is as without it,
        // and step 5 applies the ban from day 0 (13 days into its 180-day recovery).
        var without = Backtest.AtOrigin(baseline, Data.Value, from, 366);
        Assert.That(s.Cohorts[0].K0, Is.EqualTo(without.Cohorts[0].K0).Within(1e-12 * without.Cohorts[0].K0));
        var m = new MinerSim.Kernel.CompiledScenario(s, 366, replayCloses: data.Prices.Window(from, 366));
        Assert.That(m.Online[0], Is.EqualTo(1 - 0.5 * (1 - 13.0 / 180)).Within(1e-12));
        // On 2021-07-20 the last finished epoch (07-03 .. 07-17) lies inside the ban: the fleet is sized with it taken out.
        var later = new DateOnly(2021, 7, 20);
        var chain = data.Chain.At(later);
        double onlineX = Backtest.MeanOnline([ban], DateOnly.FromDateTime(chain.HashrateFrom.UtcDateTime), DateOnly.FromDateTime(chain.HashrateTo.UtcDateTime));
        Assert.That(onlineX, Is.EqualTo(0.5 + 21.5 / 360).Within(1e-12)); // days 15 .. 28 of the recovery
        var withBan = Backtest.AtOrigin(baseline, data, later, 300);
        var noBan = Backtest.AtOrigin(baseline, Data.Value, later, 300);
        Assert.That(withBan.Cohorts[0].K0 * onlineX, Is.EqualTo(noBan.Cohorts[0].K0).Within(1e-9 * noBan.Cohorts[0].K0));
        Assert.That(m.Online[200], Is.EqualTo(1.0));
        // The pipeline holds what 2020-2021 ordered at the frontier of the day (S19 Pro, 29.5 J/TH).
        Assert.That(s.Fleet!.Ordered0 + s.Fleet.Shipping0, Is.GreaterThan(1.0));
        Assert.That(s.Fleet.NewEfficiency, Is.EqualTo(29.5).Within(1e-9));
    }

    [Test]
    public void ShippedMw_IsTheLargestYearOfNetAdditionsBeforeTheFitEnd()
    {
        double mw = FleetCalibration.ShippedMw(Data.Value, new DateOnly(2020, 1, 1));
        // 2017-10 .. 2018-10: about 45 EH/s added at the 92.5 J/TH frontier, 11.5 MW a day.
        Assert.That(mw, Is.EqualTo(11.48).Within(0.01));
        Assert.That(FleetCalibration.ShippedMw(Data.Value, new DateOnly(2017, 1, 1)), Is.LessThan(2));
    }

    [Test]
    public void Calibration_UsesOnlyWindowsThatEndBeforeTheFitEnd()
    {
        var result = FleetCalibration.Fit(TestScenarios.Load("baseline"), Data.Value, new DateOnly(2018, 1, 1), new DateOnly(2019, 7, 1), 6, 12, 32, 1, 2, coverage: 0.5, maxEvaluations: 12);
        // 2018-07-01 + 12 months is the fit end itself: a window includes its last day, so that origin is out.
        Assert.That(result.Origins, Is.EqualTo((DateOnly[])[new DateOnly(2018, 1, 1)]));
        Assert.That(result.Fit.Origins, Is.EqualTo(1));
        Assert.That(result.Fleet.MaxOrdersMw, Is.EqualTo(FleetCalibration.ShippedMw(Data.Value, new DateOnly(2019, 7, 1))));
        Assert.That(result.Evaluations, Is.GreaterThan(10));
    }

    [Test]
    public void AnyOriginFrom2016To2023_Runs()
    {
        // Every 61st day from 2016-01-01 to 2023-03-31 (none of them chosen), the calibrated scenario with its events:
        // finite figures, and the last origin's 12-month window reaches the end of the price data.
        var baseline = TestScenarios.Load("baseline");
        var data = Data.Value with { Events = MinerSim.Scenarios.EventList.Parse(File.ReadAllText(Path.Combine(TestScenarios.RepoRoot, "samples", "data", "events.csv")), "events") };
        var last = new DateOnly(2023, 3, 31);
        for (var o = new DateOnly(2016, 1, 1); o <= last; o = o.AddDays(61))
        {
            var r = Backtest.Run(baseline, data, o, o.AddMonths(2), 16, 1, 2);
            Assert.That(r.Rows, Is.Not.Empty, $"{o}");
            Assert.That(double.IsFinite(r.Model.Max) && r.Model.Max < 1.0, $"{o}: {r.Model.Max}");
        }

        Assert.That(data.Refuses(last, last.AddMonths(12)), Is.Null);
        var end = Backtest.Run(baseline, data, last, last.AddMonths(12), 16, 1, 2);
        Assert.That(end.Rows, Has.Count.GreaterThan(20));
    }
}
