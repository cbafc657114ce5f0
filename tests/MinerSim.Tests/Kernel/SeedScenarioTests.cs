using MinerSim.Kernel;
using MinerSim.Metrics;

namespace MinerSim.Tests.Kernel;

/// <summary>The article's closed-form table (MODEL.md section 8) reproduced by the full model.</summary>
public sealed class SeedScenarioTests
{
    [TestCase("seed-base", 225.0)]
    [TestCase("seed-conservative", 450.0 + 0.10 * 50_000 / 60)]
    [TestCase("seed-severe", 450.0 + 0.30 * 50_000 / 90)]
    public void SeedScenario_DailySales_MatchArticle(string name, double expected)
    {
        var model = new CompiledScenario(TestScenarios.Load(name), TestScenarios.Load(name).Days);
        var path = ReferencePath.Simulate(model, 1, 0);
        for (int t = 0; t < model.Days; t++)
        {
            Assert.That(path[t, DailyMetric.MinerSales], Is.EqualTo(expected).Within(1e-9), $"day {t}");
        }

        Assert.That(Math.Round(expected, 1), Is.EqualTo(name switch { "seed-base" => 225.0, "seed-conservative" => 533.3, _ => 616.7 }));
    }

    [Test]
    public void StressEpisode_StopsAtItsCap_TenPercentOverSixtyDays()
    {
        var scenario = TestScenarios.Load("seed-conservative") with { Days = 120 };
        var path = ReferencePath.Simulate(new CompiledScenario(scenario, 120), 1, 0);
        Assert.Multiple(() =>
        {
            Assert.That(path[59, DailyMetric.MinerSales], Is.EqualTo(533.333333).Within(1e-5));
            Assert.That(path[60, DailyMetric.MinerSales], Is.EqualTo(450.0).Within(1e-9));
            Assert.That(path[119, DailyMetric.MinerInventory], Is.EqualTo(45_000.0).Within(1e-6));
            Assert.That(path[SummaryMetric.InventoryDrawdown], Is.EqualTo(0.10).Within(1e-12));
        });
    }
}
