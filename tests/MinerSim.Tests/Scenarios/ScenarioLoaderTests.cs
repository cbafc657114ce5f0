using MinerSim.Scenarios;

namespace MinerSim.Tests.Scenarios;

public sealed class ScenarioLoaderTests
{
    private const string Minimal = """
        {
          // comments are allowed
          "name": "t",
          "days": 10,
          "price": { "p0": 90000, "sigma": 0.5 },
          "fees": { "median": 0.025 },
          "network": { "hd0": 1000, "height0": 925000 },
          "market": { "theta": 0.7, "otcDays": 5 },
          "cohorts": [
            { "name": "a", "k0": 100, "tiers": [ { "weight": 1, "efficiency": 20 } ], "pMedian": 0.05,
              "phiCalm": { "lo": 0, "hi": 0.2 }, "phiNear": 0.3 },
          ],
        }
        """;

    [Test]
    public void Parse_MinimalScenario_AppliesDefaults()
    {
        var s = ScenarioLoader.Parse(Minimal, "t.json");
        Assert.That(s.Days, Is.EqualTo(10));
        Assert.That(s.Cohorts[0].RhoCalm, Is.EqualTo(1.25));
        Assert.That(s.Price.Model, Is.EqualTo("gbm"));
    }

    [Test]
    public void Parse_UnknownField_NamesIt()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Minimal.Replace("\"days\": 10", "\"dayz\": 10", StringComparison.Ordinal), "t.json"));
        Assert.That(e!.Message, Does.Contain("unknown field 'dayz'"));
    }

    [Test]
    public void Parse_NegativeWeight_NamesFieldValueAndRange()
    {
        var json = Minimal.Replace("\"weight\": 1", "\"weight\": -0.1", StringComparison.Ordinal);
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "t.json"));
        Assert.That(e!.Message, Is.EqualTo("t.json: cohorts[0].tiers[0].weight: -0.1 is not in [0, 1]"));
    }

    [Test]
    public void Parse_WeightsNotSummingToOne_Fails()
    {
        var json = Minimal.Replace("\"weight\": 1", "\"weight\": 0.9", StringComparison.Ordinal);
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "t.json"));
        Assert.That(e!.Message, Does.Contain("cohorts[0].tiers: weights sum to 0.9, not 1"));
    }

    [Test]
    public void Parse_MalformedJson_OneLine()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("{ \"name\": ", "t.json"));
        Assert.That(e!.Message, Does.StartWith("t.json: "));
        Assert.That(e.Message, Does.Not.Contain('\n'));
    }

    [Test]
    public void Parse_NegativeCapacity_Fails()
    {
        var json = Minimal.Replace("\"k0\": 100", "\"k0\": -5", StringComparison.Ordinal);
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "t.json"));
        Assert.That(e!.Message, Does.Contain("cohorts[0].k0: -5 is not in [0, 1E+09]"));
    }

    [Test]
    public void Parse_DuplicateField_IsAnError()
    {
        var json = Minimal.Replace("\"days\": 10,", "\"days\": 10, \"days\": 11,", StringComparison.Ordinal);
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "t.json"));
        Assert.That(e!.Message, Does.Contain("given twice"));
    }

    [Test]
    public void Parse_EmptyFile_NoStrayColon()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(string.Empty, "t.json"));
        Assert.That(e!.Message, Does.StartWith("t.json: ").And.Not.Contain(": :"));
    }
}
