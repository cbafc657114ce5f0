using MinerSim.Kernel;
using MinerSim.Metrics;
using MinerSim.Questions;
using MinerSim.Scenarios;

namespace MinerSim.Tests.Questions;

public sealed class SensitivityAnalysisTests
{
    private static ScenarioParameter Param(Scenario s, string path)
    {
        Assert.That(ScenarioParameter.TryResolve(s, path, out var p, out string error), Is.True, error);
        return p!;
    }

    private static MetricSpec Metric(string text)
    {
        Assert.That(MetricSpec.TryParse(text, out var m, out string error), Is.True, error);
        return m!;
    }

    [Test]
    public void ParameterTheMetricIgnores_HasExactlyZeroEffect()
    {
        // ETF flows are reported but feed nothing else (MODEL.md step 12): total_sold cannot move.
        var s = TestScenarios.Load("reference") with { Days = 90 };
        var r = SensitivityAnalysis.Run(s, x => new CompiledScenario(x, x.Days), Metric("total_sold:p95"),
            [Param(s, "market.sigmaE"), Param(s, "price.sigma")], 0.2, 1, 512, 2);
        var etf = r.Rows.Single(x => x.Parameter == "market.sigmaE");
        var sigma = r.Rows.Single(x => x.Parameter == "price.sigma");
        Assert.Multiple(() =>
        {
            Assert.That(etf.LowEffect, Is.Zero);
            Assert.That(etf.HighEffect, Is.Zero);
            Assert.That(sigma.Size, Is.GreaterThan(0));
            Assert.That(r.Rows[0].Parameter, Is.EqualTo("price.sigma"), "largest first");
        });
    }

    [Test]
    public void ScenarioParameter_StarScalesEveryCohort_AndIndexOnlyOne()
    {
        var s = TestScenarios.Load("reference");
        var all = Param(s, "cohorts[*].pMedian").Scale(s, 1.2);
        var first = Param(s, "cohorts[0].k0").Scale(s, 0.5);
        var nested = Param(s, "cohorts[2].tiers[1].efficiency").Scale(s, 2);
        Assert.Multiple(() =>
        {
            Assert.That(all.Cohorts.Select(c => c.PMedian), Is.EqualTo(s.Cohorts.Select(c => c.PMedian * 1.2)).Within(1e-15));
            Assert.That(first.Cohorts[0].K0, Is.EqualTo(170));
            Assert.That(first.Cohorts[1].K0, Is.EqualTo(222));
            Assert.That(nested.Cohorts[2].Tiers[1].Efficiency, Is.EqualTo(59));
            Assert.That(all.Price, Is.EqualTo(s.Price), "other fields untouched");
        });
    }

    [TestCase("price.nope", "'price.nope': unknown field 'nope'")]
    [TestCase("cohorts[7].k0", "'cohorts[7].k0': index 7 is out of range; the list has 4 entries")]
    [TestCase("price.regime.bullMu", "'price.regime.bullMu': 'regime' is not set in this scenario")]
    [TestCase("days", "'days' is a whole number of days, not a continuous parameter")]
    [TestCase("cohorts", "'cohorts': is not a number")]
    public void ScenarioParameter_Unknown_OneLine(string path, string start)
    {
        Assert.That(ScenarioParameter.TryResolve(TestScenarios.Load("reference"), path, out _, out string error), Is.False);
        Assert.That(error, Does.StartWith(start));
    }

    [TestCase("max_sales_30d:p95", SummaryMetric.MaxSales30d, MetricStatistic.Percentile, 0.95)]
    [TestCase("min_hashrate_ratio:es99", SummaryMetric.MinHashrateRatio, MetricStatistic.Es99, 0)]
    [TestCase("total_sold:mean", SummaryMetric.TotalSold, MetricStatistic.Mean, 0)]
    public void MetricSpec_ParsesSummaries(string text, SummaryMetric metric, MetricStatistic stat, double level)
    {
        var m = Metric(text);
        Assert.That((m.Summary, m.Statistic, m.Level), Is.EqualTo(((SummaryMetric?)metric, stat, level)));
    }

    [Test]
    public void MetricSpec_Daily_NeedsDay_AndEvaluates()
    {
        var m = Metric("miner_sales:p50@180");
        Assert.That((m.Daily, m.Day), Is.EqualTo(((DailyMetric?)DailyMetric.MinerSales, 180)));
        Assert.That(MetricSpec.TryParse("miner_sales:p50", out _, out string e1), Is.False);
        Assert.That(e1, Does.Contain("give the day"));
        Assert.That(MetricSpec.TryParse("total_sold:p100", out _, out string e2), Is.False);
        Assert.That(e2, Does.Contain("p1 .. p99"));

        // numpy: np.percentile([1..10], 50) = 5.5; ES95 of 20 values takes the ceil(1) = 1 largest.
        Assert.That(m.Evaluate([.. Enumerable.Range(1, 10).Select(i => (double)i)]), Is.EqualTo(5.5));
        Assert.That(Metric("total_sold:es95").Evaluate([.. Enumerable.Range(1, 20).Select(i => (double)i)]), Is.EqualTo(20));
        Assert.That(Metric("min_hashrate_ratio:es95").Evaluate([.. Enumerable.Range(1, 40).Select(i => (double)i)]), Is.EqualTo(1.5));
    }
}
