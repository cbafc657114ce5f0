using MinerSim.Tests.Fixtures;

namespace MinerSim.Tests.Cli;

public sealed class RunVerbTests
{
    private static readonly string Reference = TestScenarios.PathOf("reference");

    [Test]
    public void Run_WritesResultFiles_AndTheyAreIdenticalForOneAndTwoThreads()
    {
        using var temp = new TempFolder();
        string a = temp.File("t1"), b = temp.File("t2");
        var one = CliRun.Of("run", "--scenario", Reference, "--paths", "700", "--days", "40", "--seed", "3", "--threads", "1", "--out", a, "--no-charts", "--quiet");
        var two = CliRun.Of("run", "--scenario", Reference, "--paths", "700", "--days", "40", "--seed", "3", "--threads", "2", "--out", b, "--no-charts", "--quiet");
        Assert.That(one.ExitCode, Is.Zero, one.Error);
        Assert.That(two.ExitCode, Is.Zero, two.Error);
        foreach (string file in new[] { "percentiles.csv", "summary.csv", "histograms.csv" })
        {
            Assert.That(File.ReadAllBytes(Path.Combine(b, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(a, file))), file);
        }

        string header = File.ReadLines(Path.Combine(a, "percentiles.csv")).First();
        Assert.That(header, Is.EqualTo("metric,day,p1,p5,p25,p50,p75,p95,p99,mean"));
        Assert.That(File.ReadLines(Path.Combine(a, "percentiles.csv")).Count(), Is.EqualTo(1 + 10 * 40));
        Assert.That(File.ReadLines(Path.Combine(a, "summary.csv")).First(), Is.EqualTo("metric,p1,p5,p25,p50,p75,p95,p99,mean,es95,es99"));
        Assert.That(one.Out, Does.Contain("miner_sales"));
    }

    [Test]
    public void Run_WithCharts_WritesFanChartsAndReport()
    {
        using var temp = new TempFolder();
        string dir = temp.File("run");
        var run = CliRun.Of("run", "--scenario", Reference, "--paths", "300", "--days", "30", "--out", dir, "--quiet");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        foreach (string file in new[] { "fan-miner_sales.png", "fan-miner_sales.svg", "pressure-vs-etf.svg", "hist-total_sold.png", "report.html", "manifest.json" })
        {
            Assert.That(File.Exists(Path.Combine(dir, file)), Is.True, file);
        }
    }

    [TestCase("{ \"name\": ", "malformed JSON")]
    [TestCase("{ \"name\": \"x\", \"bogus\": 1 }", "unknown field 'bogus'")]
    public void Run_BadScenario_OneLine_ExitOne_WritesNothing(string json, string expected)
    {
        using var temp = new TempFolder();
        string scenario = temp.File("bad.json");
        File.WriteAllText(scenario, json);
        string dir = temp.File("out");
        var run = CliRun.Of("run", "--scenario", scenario, "--paths", "10", "--out", dir, "--quiet");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
            Assert.That(run.Error, Does.Contain(expected));
            Assert.That(Directory.Exists(dir), Is.False);
            Assert.That(Directory.GetFileSystemEntries(temp.Path), Has.Length.EqualTo(1));
        });
    }

    [TestCase("\"weight\": 0.6,", "\"weight\": 0.7,", "cohorts[0].tiers: weights sum to 1.1, not 1")]
    [TestCase("\"k0\": 340,", "\"k0\": -340,", "cohorts[0].k0: -340 is not in [0, 1E+09]")]
    public void Run_OutOfRangeScenario_NamesField(string from, string to, string expected)
    {
        using var temp = new TempFolder();
        string scenario = temp.File("bad.json");
        File.WriteAllText(scenario, File.ReadAllText(Reference).Replace(from, to, StringComparison.Ordinal));
        var run = CliRun.Of("run", "--scenario", scenario, "--paths", "10", "--out", temp.File("out"), "--quiet");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { $"minersim: {scenario}: {expected}" }));
        Assert.That(Directory.Exists(temp.File("out")), Is.False);
    }

    [TestCase("--paths", "0", "--paths: 0 is not in [1, 2147483647]")]
    [TestCase("--threads", "0", "--threads: 0 is not in [1, 1024]")]
    [TestCase("--days", "-1", "--days: -1 is not in [1, 36500]")]
    public void Run_BadOption_ExitTwo_OneLine(string option, string value, string expected)
    {
        using var temp = new TempFolder();
        var run = CliRun.Of("run", "--scenario", Reference, option, value, "--out", temp.File("out"), "--quiet");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { "minersim: " + expected }));
        Assert.That(Directory.Exists(temp.File("out")), Is.False);
    }

    [Test]
    public void Run_ExistingOutFolder_IsNotOverwritten()
    {
        using var temp = new TempFolder();
        string dir = temp.File("out");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "keep.txt"), "mine");
        var run = CliRun.Of("run", "--scenario", Reference, "--paths", "10", "--out", dir, "--quiet");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("already exists"));
        Assert.That(File.ReadAllText(Path.Combine(dir, "keep.txt")), Is.EqualTo("mine"));
    }

    [TestCase("--paths")]
    [TestCase("--out")]
    [TestCase("--seed")]
    public void Run_OptionWithoutValue_ExitTwo_NamesIt(string option)
    {
        using var temp = new TempFolder();
        var last = CliRun.Of("run", "--scenario", Reference, "--quiet", "--no-charts", option);
        var middle = CliRun.Of("run", option, "--scenario", Reference, "--quiet", "--no-charts");
        foreach (var run in new[] { last, middle })
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.ErrorLines, Is.EqualTo(new[] { $"minersim: {option}: missing value; try 'minersim run --help'" }));
        }
    }

    [TestCase("--seed", "-1", "'-1' is not a whole number from 0 to 18446744073709551615")]
    [TestCase("--seed", "1.5", "'1.5' is not a whole number from 0 to 18446744073709551615")]
    [TestCase("--paths", "abc", "'abc' is not a whole number")]
    [TestCase("--quantiles", "fast", "'fast' is not one of auto, exact, sketch")]
    public void Run_UnparsableValue_ExitTwo_NamesOptionValueAndWhatIsAllowed(string option, string value, string expected)
    {
        using var temp = new TempFolder();
        var run = CliRun.Of("run", "--scenario", Reference, "--quiet", "--no-charts", "--out", temp.File("out"), option, value);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { $"minersim: {option}: {expected}; try 'minersim run --help'" }));
        Assert.That(Directory.Exists(temp.File("out")), Is.False);
    }

    [Test]
    public void Run_ExactTooLargeForMemory_RefusedUpFront()
    {
        using var temp = new TempFolder();
        var run = CliRun.Of("run", "--scenario", Reference, "--paths", "2000000000", "--quantiles", "exact", "--out", temp.File("out"), "--quiet");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--quantiles exact:").And.Contain("use --quantiles sketch"));
        Assert.That(Directory.Exists(temp.File("out")), Is.False);
    }

    [Test]
    public void Run_UnwritableOut_FailsBeforeSimulating()
    {
        using var temp = new TempFolder();
        string blocker = temp.File("file");
        File.WriteAllText(blocker, "not a folder");
        var run = CliRun.Of("run", "--scenario", Reference, "--paths", "10", "--out", Path.Combine(blocker, "sub", "out"), "--quiet");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.StartWith("minersim: --out: cannot write to"));
    }
}
