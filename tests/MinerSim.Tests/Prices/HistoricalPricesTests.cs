using MinerSim.Prices;
using MinerSim.Scenarios;

namespace MinerSim.Tests.Prices;

public sealed class HistoricalPricesTests
{
    [Test]
    public void ParseLogReturns_HeaderAndRows_GivesLogRatios()
    {
        var r = HistoricalPrices.ParseLogReturns("date,close\n2024-01-01,100\n2024-01-02,110\n\n2024-01-03,99\n", "h.csv");
        Assert.That(r, Is.EqualTo(new[] { Math.Log(1.1), Math.Log(0.9) }).Within(1e-15));
    }

    [TestCase("date,close\n2024-01-01,100\n2024-01-02,abc\n", "h.csv: line 3: close 'abc' is not a number above 0")]
    [TestCase("date,close\n2024-01-01,100\n2024/01/02,101\n", "h.csv: line 3: '2024/01/02' is not a date; expected yyyy-MM-dd")]
    [TestCase("2024-01-01,100\n2024-01-02,0\n", "h.csv: line 2: close '0' is not a number above 0")]
    [TestCase("date,close\n2024-01-02,100\n2024-01-01,101\n", "h.csv: line 3: date 2024-01-01 does not come after 2024-01-02; rows must be in increasing date order")]
    [TestCase("date,close\n2024-01-01,100,7\n", "h.csv: line 2: 3 fields; expected 2 (date,close)")]
    [TestCase("date,close\n2024-01-01,100\n", "h.csv: 1 price rows; at least 2 are needed for a return")]
    public void ParseLogReturns_Malformed_NamesFileAndLine(string csv, string message)
    {
        var e = Assert.Throws<ScenarioException>(() => HistoricalPrices.ParseLogReturns(csv, "h.csv"));
        Assert.That(e!.Message, Is.EqualTo(message));
    }

    [Test]
    public void SampleHistory_ParsesToEveryDay()
    {
        string text = File.ReadAllText(Path.Combine(TestScenarios.RepoRoot, "samples", "data", "btc-usd-daily.csv"));
        var r = HistoricalPrices.ParseLogReturns(text, "btc-usd-daily.csv");
        Assert.That(r, Has.Length.EqualTo(3483));
        Assert.That(r.All(double.IsFinite), Is.True);
    }
}
