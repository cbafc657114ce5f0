namespace MinerSim.Tests.Cli;

/// <summary>The spiral and sensitivity verbs end to end, in-process.</summary>
public sealed class QuestionVerbTests
{
    private static string Sample(string name) => TestScenarios.PathOf(name);

    [Test]
    public void Spiral_Reference_WithGamma_PrintsBothArmsAndDifference()
    {
        var run = CliRun.Of("spiral", "--scenario", Sample("reference"), "--gamma", "0.05", "--paths", "2000", "--format", "csv");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("arm,gamma,p_price_falls,p_hashrate_falls,p_joint,se_joint"));
        Assert.That(lines[1], Does.StartWith("no_feedback,0,"));
        Assert.That(lines[2], Does.StartWith("feedback,0.05,"));
        Assert.That(lines[3], Does.StartWith("difference,,,,"));
    }

    [Test]
    public void Spiral_GammaZero_ProbabilitiesIdentical()
    {
        var run = CliRun.Of("spiral", "--scenario", Sample("reference"), "--gamma", "0", "--paths", "512", "--days", "120", "--format", "csv");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[1]["no_feedback".Length..], Is.EqualTo(lines[2]["feedback".Length..]));
        Assert.That(lines[3], Is.EqualTo("difference,,,,0,0"));
    }

    [Test]
    public void Spiral_And_Sensitivity_ShowProgressOverAllTheirRuns_UnlessQuiet()
    {
        // Not a terminal here: one line per 10% step, counted over both arms (spiral) or every run (sensitivity).
        var spiral = CliRun.Of("spiral", "--scenario", Sample("reference"), "--gamma", "0.05", "--paths", "2048", "--days", "30");
        Assert.That(spiral.ExitCode, Is.Zero, spiral.Error);
        Assert.That(spiral.ErrorLines.Last(), Does.StartWith("progress: 100% (4,096/4,096 paths"));
        Assert.That(spiral.ErrorLines.Count(l => l.StartsWith("progress:", StringComparison.Ordinal)), Is.InRange(2, 11));

        string dir = Path.Combine(Path.GetTempPath(), "minersim-sens-" + Guid.NewGuid().ToString("N"));
        try
        {
            var sensitivity = CliRun.Of("sensitivity", "--scenario", Sample("reference"), "--metric", "total_sold:p50", "--params", "price.sigma",
                "--paths", "1024", "--days", "30", "--out", dir);
            Assert.That(sensitivity.ExitCode, Is.Zero, sensitivity.Error);
            Assert.That(sensitivity.ErrorLines, Has.Some.StartsWith("progress: 100% (3,072/3,072 paths"));

            var quiet = CliRun.Of("spiral", "--scenario", Sample("reference"), "--gamma", "0.05", "--paths", "1024", "--days", "30", "--quiet");
            Assert.That(quiet.ExitCode, Is.Zero, quiet.Error);
            Assert.That(quiet.Error, Is.Empty);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Spiral_ScenarioWithoutGamma_NeedsGammaOption()
    {
        var run = CliRun.Of("spiral", "--scenario", Sample("reference"));
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(run.ErrorLines[0], Does.Contain("--gamma"));
    }

    [Test]
    public void Sensitivity_Reference_WritesTableCsvAndTornado()
    {
        string dir = Path.Combine(Path.GetTempPath(), "minersim-sens-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = CliRun.Of("sensitivity", "--scenario", Sample("reference"), "--metric", "max_sales_30d:p95", "--paths", "512", "--out", dir);
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(run.Out, Does.Contain("cohorts[*].pMedian"));
            Assert.That(File.ReadAllLines(Path.Combine(dir, "sensitivity.csv")), Has.Length.EqualTo(9), "header and the 8 default parameters");
            Assert.That(new FileInfo(Path.Combine(dir, "tornado.png")).Length, Is.GreaterThan(1000));
            string svg = File.ReadAllText(Path.Combine(dir, "tornado.svg"));
            Assert.That(svg, Does.Contain("<text").And.Contain("sensitivity of max_sales_30d:p95"));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [TestCase("--params", "price.sigma,bogus.field", "--params: 'bogus.field': unknown field 'bogus'")]
    [TestCase("--metric", "max_sales:p95", "--metric: 'max_sales' is not a metric")]
    [TestCase("--delta", "1.5", "--delta: 1.5 is not in (0, 1)")]
    public void Sensitivity_BadOption_OneLineExit2(string option, string value, string start)
    {
        var args = new List<string> { "sensitivity", "--scenario", Sample("reference"), "--metric", "total_sold:p50", "--out", Path.GetTempPath() };
        int i = args.IndexOf(option);
        if (i >= 0) args[i + 1] = value;
        else args.AddRange([option, value]);
        var run = CliRun.Of([.. args]);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(run.ErrorLines[0], Does.StartWith("minersim: " + start));
    }

    [Test]
    public void BootstrapScenario_MissingCsv_NamesTheFile()
    {
        string dir = Path.Combine(Path.GetTempPath(), "minersim-boot-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string json = File.ReadAllText(Sample("bootstrap-history")).Replace("../data/btc-usd-daily.csv", "missing.csv", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(dir, "b.json"), json);
            var run = CliRun.Of("validate", Path.Combine(dir, "b.json"));
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
            Assert.That(run.ErrorLines[0], Does.Contain("price.bootstrap.file").And.Contain("missing.csv: no such file"));

            File.WriteAllText(Path.Combine(dir, "missing.csv"), "date,close\n2024-01-01,1\n2024-01-02,x\n");
            run = CliRun.Of("validate", Path.Combine(dir, "b.json"));
            Assert.That(run.ErrorLines[0], Does.Contain("missing.csv: line 3: close 'x'"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
