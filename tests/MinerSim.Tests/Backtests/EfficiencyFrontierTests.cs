using MinerSim.Miners;
using MinerSim.Scenarios;

namespace MinerSim.Tests.Backtests;

/// <summary>The efficiency frontier: a step function of shipping dates.</summary>
public sealed class EfficiencyFrontierTests
{
    [Test]
    public void At_IsTheLastMachineShippedByThatDate()
    {
        var f = EfficiencyFrontier.Parse("date,model,manufacturer,efficiency_jth,source\n2016-06-01,S9,Bitmain,98,\"a, b\"\n2019-04-01,S17 Pro,Bitmain,39.5,x\n", "f.csv");
        Assert.That(f.At(new DateOnly(2016, 6, 1)), Is.EqualTo(98));
        Assert.That(f.At(new DateOnly(2019, 3, 31)), Is.EqualTo(98));
        Assert.That(f.At(new DateOnly(2024, 1, 1)), Is.EqualTo(39.5));
        Assert.That(f.Covers(new DateOnly(2016, 5, 31)), Is.False);
        Assert.Throws<ArgumentOutOfRangeException>(() => f.At(new DateOnly(2016, 5, 31)));
    }

    [TestCase("2016-06-01,S9,Bitmain,98\n2019-04-01,S17,Bitmain,120\n", "line 2: 2019-04-01 at 120 J/TH does not improve on 2016-06-01 at 98 J/TH")]
    [TestCase("2016-06-01,S9,Bitmain,zero\n", "line 1: efficiency_jth 'zero' is not a number above 0")]
    [TestCase("June 2016,S9,Bitmain,98\n", "line 1: 'June 2016' is not a date")]
    [TestCase("date,model,manufacturer,efficiency_jth\n", "no frontier rows")]
    public void Parse_RefusesBadRows(string csv, string message)
    {
        var e = Assert.Throws<ScenarioException>(() => EfficiencyFrontier.Parse(csv, "f.csv"));
        Assert.That(e!.Message, Does.StartWith("f.csv: ").And.Contain(message));
    }

    [Test]
    public void ShippedFile_ParsesAndImproves()
    {
        var f = EfficiencyFrontier.Parse(File.ReadAllText(Path.Combine(TestScenarios.RepoRoot, "samples", "data", "asic-frontier.csv")), "asic-frontier.csv");
        Assert.That(f.At(new DateOnly(2017, 1, 1)), Is.EqualTo(98)); // Antminer S9
        Assert.That(f.At(new DateOnly(2025, 11, 25)), Is.LessThan(f.At(new DateOnly(2020, 1, 1)) / 2));
    }
}

/// <summary>The events file of section 11.5.</summary>
public sealed class EventListTests
{
    [Test]
    public void ShippedFile_HasTheChinaBan()
    {
        var events = EventList.Parse(File.ReadAllText(Path.Combine(TestScenarios.RepoRoot, "samples", "data", "events.csv")), "events.csv");
        var ban = events.Single(e => e.Date == new DateOnly(2021, 6, 18));
        Assert.That(ban.ShareOff, Is.EqualTo(0.5));
        Assert.That(ban.DaysBack, Is.EqualTo(180));
    }

    [TestCase("2021-06-18,1.5,180,ban\n", "line 1: share_off '1.5' is not in [0, 1]")]
    [TestCase("2021-06-18,0.5,0,ban\n", "line 1: days_back '0' is not in [1, 36500]")]
    [TestCase("2021-06-18,0.5\n", "line 1: 2 fields")]
    public void Parse_RefusesBadRows(string csv, string message)
    {
        var e = Assert.Throws<ScenarioException>(() => EventList.Parse(csv, "e.csv"));
        Assert.That(e!.Message, Does.Contain(message));
    }
}
