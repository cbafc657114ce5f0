using MinerSim.Network;
using MinerSim.Scenarios;

namespace MinerSim.Tests.Network;

/// <summary>The chain's retargets: parsing, the state at a date, the shipped file.</summary>
public sealed class ChainHistoryTests
{
    // Three epochs of exactly 1,209,600 s from 2020-01-01T00:00Z (1577836800).
    private const string Csv = "height,timestamp,difficulty\n612864,1577836800,1000\n614880,1579046400,2000\n616896,1580256000,4000\n";

    [Test]
    public void At_UsesOnlyWhatIsKnownThen()
    {
        var chain = ChainHistory.Parse(Csv, "t.csv");
        var mid = chain.At(new DateOnly(2020, 1, 8)); // 7 of 14 days into the first epoch: its difficulty's rate is all we know
        Assert.That(mid.Height, Is.EqualTo(612864 + 1008).Within(1e-9));
        Assert.That(mid.Difficulty, Is.EqualTo(1000));
        Assert.That(mid.EpochDays, Is.EqualTo(7));
        Assert.That(mid.Hashrate, Is.EqualTo(mid.ImpliedHashrate).Within(1e-12 * mid.ImpliedHashrate));
        // 5 days into the second epoch (difficulty 2000): the last known rate is the first epoch's, at which a block takes
        // 1,200 s at the new difficulty, so 360 blocks, not the 720 the second epoch's own end would imply.
        var second = chain.At(new DateOnly(2020, 1, 20));
        Assert.That(second.Difficulty, Is.EqualTo(2000));
        Assert.That(second.Hashrate, Is.EqualTo(mid.ImpliedHashrate).Within(1e-12 * mid.ImpliedHashrate));
        Assert.That(second.Height, Is.EqualTo(614880 + 360).Within(1e-9));
        Assert.That(second.HashrateTo, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1579046400)));
        Assert.That(chain.LastDate, Is.EqualTo(new DateOnly(2020, 1, 28)));
        Assert.Throws<ArgumentOutOfRangeException>(() => chain.At(new DateOnly(2020, 1, 29)));
        Assert.Throws<ArgumentOutOfRangeException>(() => chain.At(new DateOnly(2020, 1, 1)));
    }

    [Test]
    public void Between_TakesRetargetsAfterTheOriginThroughTheEnd()
    {
        var chain = ChainHistory.Parse(Csv, "t.csv");
                // The retargets fall on 2020-01-15 and 2020-01-29 (00:00 UTC).
        Assert.That(chain.Between(new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 29)).Select(r => r.Height).ToArray(), Is.EqualTo((int[])[614880, 616896]));
        Assert.That(chain.Between(new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 28)).Select(r => r.Height).ToArray(), Is.EqualTo((int[])[614880]));
        Assert.That(chain.Between(new DateOnly(2020, 1, 15), new DateOnly(2020, 1, 28)).ToArray(), Is.Empty);
    }

    [TestCase("height,timestamp,difficulty\n0,1,1\n2017,2,1\n", "line 3: height '2017' is not a multiple of 2016")]
    [TestCase("0,1,1\n4032,2,1\n", "line 2: height 4032 at 2 does not follow height 0 at 1")]
    [TestCase("0,5,1\n2016,5,1\n", "line 2: height 2016 at 5 does not follow")]
    [TestCase("0,1,1\n2016,2,-3\n", "line 2: difficulty '-3' is not a number above 0")]
    [TestCase("0,1\n", "line 1: 2 fields; expected 3")]
    [TestCase("0,1,1\n", "1 retargets; at least 2 are needed")]
    public void Parse_RefusesBadRows_WithOneLine(string csv, string message)
    {
        var e = Assert.Throws<ScenarioException>(() => ChainHistory.Parse(csv, "t.csv"));
        Assert.That(e!.Message, Does.StartWith("t.csv: ").And.Contain(message));
    }

    [Test]
    public void ShippedFile_IsTheRealChain()
    {
        var chain = ChainHistory.Parse(File.ReadAllText(Path.Combine(TestScenarios.RepoRoot, "samples", "data", "difficulty-epochs.csv")), "difficulty-epochs.csv");
        Assert.That(chain.Retargets[0].Height, Is.Zero);
        Assert.That(chain.Retargets[^1].Height, Is.EqualTo(925_344));
        // 00:00 UTC on 2020-01-01: difficulty 12.95 T, in force until the retarget at height 610,848 (21:54 that day); HD about 92.7 EH/s.
        var s = chain.At(new DateOnly(2020, 1, 1));
        Assert.That(s.Difficulty / 1e12, Is.EqualTo(12.95).Within(0.01));
        Assert.That(s.Height, Is.InRange(608_832, 610_848));
        Assert.That(s.ImpliedHashrate, Is.EqualTo(92.7).Within(0.1));
    }
}
