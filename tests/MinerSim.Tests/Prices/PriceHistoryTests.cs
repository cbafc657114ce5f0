using MinerSim.Prices;
using MinerSim.Scenarios;

namespace MinerSim.Tests.Prices;

/// <summary>Closes on consecutive days for the replay model and the backtest.</summary>
public sealed class PriceHistoryTests
{
    [Test]
    public void ParseCloses_GivesDatedCloses_AndWindows()
    {
        var h = HistoricalPrices.ParseCloses("date,close\n2020-01-01,100\n2020-01-02,110\n2020-01-03,90\n", "p.csv");
        Assert.That(h.First, Is.EqualTo(new DateOnly(2020, 1, 1)));
        Assert.That(h.Last, Is.EqualTo(new DateOnly(2020, 1, 3)));
        Assert.That(h.On(new DateOnly(2020, 1, 2)), Is.EqualTo(110));
        Assert.That(h.Window(new DateOnly(2020, 1, 2), 2), Is.EqualTo((double[])[110.0, 90.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => h.Window(new DateOnly(2020, 1, 2), 3));
    }

    [Test]
    public void ParseCloses_RefusesAMissingDay()
    {
        var e = Assert.Throws<ScenarioException>(() => HistoricalPrices.ParseCloses("2020-01-01,100\n2020-01-03,110\n", "p.csv"));
        Assert.That(e!.Message, Is.EqualTo("p.csv: line 2: date 2020-01-03 does not follow 2020-01-01 by one day; a replayed history needs every day"));
    }

    [Test]
    public void ShippedFile_HasEveryDay()
    {
        var h = HistoricalPrices.ParseCloses(File.ReadAllText(Path.Combine(TestScenarios.RepoRoot, "samples", "data", "btc-usd-daily.csv")), "btc-usd-daily.csv");
        Assert.That(h.First, Is.EqualTo(new DateOnly(2014, 9, 17)));
        Assert.That(h.Last, Is.EqualTo(new DateOnly(2024, 3, 31)));
    }
}
