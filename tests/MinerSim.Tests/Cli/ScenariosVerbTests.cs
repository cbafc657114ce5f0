namespace MinerSim.Tests.Cli;

public sealed class ScenariosVerbTests
{
    [Test]
    public void Scenarios_Table_MatchesGolden()
    {
        const string golden =
            "daily issuance    450 BTC (144 blocks x 3.125 BTC)\n" +
            "monthly issuance  13,500 BTC (30 days)\n" +
            "miner inventory   50,000 BTC\n" +
            "\n" +
            "case          rule                                                   BTC/day  % of 5,000  % of 10,000\n" +
            "base          sell 50% of issuance                                     225.0        4.5%         2.3%\n" +
            "conservative  sell 100% of issuance + 10% of inventory over 60 days    533.3       10.7%         5.3%\n" +
            "severe        sell 100% of issuance + 30% of inventory over 90 days    616.7       12.3%         6.2%\n";
        var r = CliRun.Of("scenarios");
        Assert.That(r.ExitCode, Is.EqualTo(0));
        Assert.That(r.Out.ReplaceLineEndings("\n"), Is.EqualTo(golden));
    }

    [Test]
    public void Scenarios_Csv_HeaderAndFullPrecisionValues()
    {
        var r = CliRun.Of("scenarios", "--format", "csv");
        Assert.That(r.ExitCode, Is.EqualTo(0));
        Assert.That(r.Out, Is.EqualTo(
            "case,sale_share,inventory_share,inventory_days,btc_per_day,etf_share_5000,etf_share_10000,daily_issuance,monthly_issuance,inventory\n" +
            "base,0.5,0,0,225,0.045,0.0225,450,13500,50000\n" +
            "conservative,1,0.1,60,533.3333333333334,0.10666666666666667,0.05333333333333334,450,13500,50000\n" +
            "severe,1,0.3,90,616.6666666666666,0.12333333333333332,0.06166666666666666,450,13500,50000\n"));
    }

    [Test]
    public void Scenarios_Json_IsMachineReadable()
    {
        var r = CliRun.Of("scenarios", "--format", "JSON", "--subsidy", "1.5625");
        Assert.That(r.ExitCode, Is.EqualTo(0));
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.That(root.GetProperty("dailyIssuance").GetDouble(), Is.EqualTo(225.0));
        Assert.That(root.GetProperty("cases")[2].GetProperty("btcPerDay").GetDouble(), Is.EqualTo(225 + 15000.0 / 90).Within(1e-9));
    }

    [Test]
    public void Scenarios_Options_ChangeOutput()
    {
        var r = CliRun.Of("scenarios", "--format", "csv", "--blocks-per-day", "150", "--severe-inventory-share", "0.6", "--severe-days", "60", "--etf-days", "2000");
        Assert.That(r.ExitCode, Is.EqualTo(0));
        Assert.That(r.Out, Does.StartWith("case,sale_share,inventory_share,inventory_days,btc_per_day,etf_share_2000,daily_issuance,monthly_issuance,inventory\n"));
        Assert.That(r.Out, Does.Contain("\nsevere,1,0.6,60,968.75,0.484375,468.75,14062.5,50000\n"));
    }

    [TestCase("--conservative-sale-share", "1.5", "minersim: --conservative-sale-share: 1.5 is not in [0, 1]")]
    [TestCase("--severe-days", "0", "minersim: --severe-days: 0 is not in (0, 3650]")]
    [TestCase("--blocks-per-day", "-1", "minersim: --blocks-per-day: -1 is not in (0, 100000]")]
    [TestCase("--etf-days", "5000,-1", "minersim: --etf-days: -1 is not in (0, 1000000000]")]
    [TestCase("--etf-days", "5000,abc", "minersim: --etf-days: 'abc' is not a number; give BTC amounts separated by commas, e.g. 5000,10000")]
    [TestCase("--format", "xml", "minersim: --format: 'xml' is not one of table, csv, json")]
    public void Scenarios_OutOfRange_OneLineExit2(string option, string value, string message)
    {
        var r = CliRun.Of("scenarios", option, value);
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Error, Is.EqualTo(message + "\n"));
        Assert.That(r.Out, Is.Empty);
    }

    [Test]
    public void Scenarios_MalformedNumber_Exit2()
    {
        var r = CliRun.Of("scenarios", "--inventory", "lots");
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.ErrorLines, Has.Length.EqualTo(1));
    }

    [Test]
    public void Scenarios_Help_ShowsExamplesExit0()
    {
        var r = CliRun.Of("scenarios", "--help");
        Assert.That(r.ExitCode, Is.EqualTo(0));
        Assert.That(r.Out, Does.Contain("minersim scenarios --format csv --subsidy 1.5625"));
    }
}
