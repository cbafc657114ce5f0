namespace MinerSim.Tests.Cli;

public sealed class RetargetVerbTests
{
    [Test]
    public void Retarget_Block32256_PrintsBitsAndDifficulty()
    {
        var r = CliRun.Of("retarget", "--bits", "0x1d00ffff", "--first-time", "1261130161", "--last-time", "1262152739");
        Assert.That(r.ExitCode, Is.EqualTo(0));
        Assert.That(r.Out, Is.EqualTo("0x1d00d86a\ndifficulty 1.1828995343128408\n"));
        Assert.That(r.Error, Is.Empty);
    }

    [Test]
    public void Retarget_BitsWithoutPrefix_Accepted()
    {
        var r = CliRun.Of("retarget", "--bits", "1c387f6f", "--first-time", "1263163443", "--last-time", "1269211443");
        Assert.That(r.ExitCode, Is.EqualTo(0));
        Assert.That(r.Out, Does.StartWith("0x1d00e1fd\n"));
    }

    [Test]
    public void Retarget_DifficultyMode_PrintsNumber()
    {
        var r = CliRun.Of("retarget", "--difficulty", "100", "--timespan", "604800");
        Assert.That(r.ExitCode, Is.EqualTo(0));
        Assert.That(r.Out, Is.EqualTo("200\n"));
    }

    [Test]
    public void Retarget_NegativeTimespan_ClampsLikeCore()
    {
        var r = CliRun.Of("retarget", "--difficulty", "1", "--timespan", "-100");
        Assert.That(r.Out, Is.EqualTo("4\n"));
    }

    [TestCase("zz")]
    [TestCase("0x")]
    [TestCase("0x1d00ffff00")]
    public void Retarget_MalformedHex_OneLineExit2(string bits)
    {
        var r = CliRun.Of("retarget", "--bits", bits, "--first-time", "1", "--last-time", "2");
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(r.Error, Does.StartWith($"minersim: --bits: '{bits}' is not a compact target"));
        Assert.That(r.Out, Is.Empty);
    }

    [Test]
    public void Retarget_NegativeTime_OneLineExit2()
    {
        var r = CliRun.Of("retarget", "--bits", "0x1d00ffff", "--first-time", "-5", "--last-time", "2");
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Error, Is.EqualTo("minersim: --first-time: -5 is not a unix time; give seconds since 1970, at least 0\n"));
    }

    [Test]
    public void Retarget_MixedModes_Exit2()
    {
        var r = CliRun.Of("retarget", "--bits", "0x1d00ffff", "--difficulty", "1");
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Error, Does.Contain("not both"));
    }

    [TestCase("retarget", "--bits", "0x1d00ffff", "--first-time", "1")]
    [TestCase("retarget", "--difficulty", "1")]
    [TestCase("retarget")]
    [TestCase("retarget", "--difficulty", "0", "--timespan", "1")]
    [TestCase("retarget", "--first-time", "abc")]
    [TestCase("retarget", "--bogus")]
    public void Retarget_BadUsage_OneLineExit2(params string[] args)
    {
        var r = CliRun.Of(args);
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(r.Error, Does.StartWith("minersim: "));
        Assert.That(r.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public void Retarget_Help_ShowsExamplesExit0()
    {
        var r = CliRun.Of("retarget", "--help");
        Assert.That(r.ExitCode, Is.EqualTo(0));
        Assert.That(r.Out, Does.Contain("minersim retarget --bits 0x1d00ffff --first-time 1261130161 --last-time 1262152739"));
    }

    [Test]
    public void Version_Exit0()
    {
        var r = CliRun.Of("--version");
        Assert.That(r.ExitCode, Is.EqualTo(0));
        Assert.That(r.Out, Does.StartWith("minersim "));
    }

    [Test]
    public void Help_ListsNewVerbs()
    {
        var r = CliRun.Of("--help");
        Assert.That(r.ExitCode, Is.EqualTo(0));
        Assert.That(r.Out, Does.Contain("retarget").And.Contain("scenarios"));
    }
}
