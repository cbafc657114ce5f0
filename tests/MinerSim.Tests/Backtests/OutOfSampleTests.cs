using MinerSim.Backtests;
using MinerSim.Miners;
using MinerSim.Network;
using MinerSim.Prices;
using MinerSim.Scenarios;

namespace MinerSim.Tests.Backtests;

/// <summary>
/// The calibrated scenario (baseline.json, fitted on data before 2020-01-01) against issue 11's out-of-sample bar:
/// 12-month backtests from the half-yearly origins 2020-01-01 .. 2023-01-01: the median over origins of each origin's
/// median |ln(p50 / real)| at most 0.15, both baselines beaten at 6 or more of the 7 origins, at least 70 % of the real
/// retargets inside the 5-95 % band. Prints every figure.
/// </summary>
[Category("Statistical")]
public sealed class OutOfSampleTests
{
    [Test]
    public void Baseline_OutOfSample_MeetsTheBar()
    {
        string data = Path.Combine(TestScenarios.RepoRoot, "samples", "data");
        var history = new BacktestData(
            ChainHistory.Parse(File.ReadAllText(Path.Combine(data, "difficulty-epochs.csv")), "epochs"),
            HistoricalPrices.ParseCloses(File.ReadAllText(Path.Combine(data, "btc-usd-daily.csv")), "prices"),
            EfficiencyFrontier.Parse(File.ReadAllText(Path.Combine(data, "asic-frontier.csv")), "frontier"),
            EventList.Parse(File.ReadAllText(Path.Combine(data, "events.csv")), "events"));
        var fitEnd = new DateOnly(2020, 1, 1);
        var rolling = RollingBacktest.Run(TestScenarios.Load("baseline"), history, fitEnd, new DateOnly(2023, 1, 1), 6, 12, fitEnd, 1000, 1, Environment.ProcessorCount);
        var s = rolling.OutOfSample;
        foreach (var r in rolling.Results)
        {
            TestContext.Out.WriteLine($"{r.From:yyyy-MM-dd}: median |ln(p50/real)| {r.Model.Median:F3} (as at origin {r.Persistence.Median:F3}, constant hashprice {r.ConstantHashprice.Median:F3}), {r.Coverage:P0} in the 5-95% band");
        }

        TestContext.Out.WriteLine($"out of sample, {s.Origins} origins: median of medians {s.Model:F3} (bar 0.15), beats both baselines at {s.BeatsBoth} (bar 6), {s.Coverage:P1} of retargets in the band (bar 70%)");
        Assert.That(s.Origins, Is.EqualTo(7));
        Assert.That(s.Model, Is.LessThanOrEqualTo(0.15));
        Assert.That(s.BeatsBoth, Is.GreaterThanOrEqualTo(6));
        Assert.That(s.Coverage, Is.GreaterThanOrEqualTo(0.70));
    }
}
