using MinerSim.Tests.Fixtures;

namespace MinerSim.Tests.Cli;

/// <summary><c>minersim backtest</c> end to end, in-process.</summary>
public sealed class BacktestVerbTests
{
    private static string Scenario => TestScenarios.PathOf("reference");

    [Test]
    public void OneOrigin_WritesCsvFiguresAndChart()
    {
        using var tmp = new TempFolder();
        string dir = tmp.File("bt");
        var run = CliRun.Of("backtest", "--from", "2020-01-01", "--to", "2021-01-01", "--scenario", Scenario, "--paths", "200", "--out", dir, "--quiet");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Error, Is.Empty);
        Assert.That(run.Out, Does.Contain("26 real retargets 2020-01-01 .. 2021-01-01 (out of sample: from the fit end 2020-01-01 on), 200 paths"));
        Assert.That(run.Out, Does.Contain("baseline: difficulty as at origin"));
        var lines = File.ReadAllLines(Path.Combine(dir, "backtest.csv"));
        Assert.That(lines[0], Is.EqualTo("height,date,difficulty_real,difficulty_p5,difficulty_p50,difficulty_p95"));
        Assert.That(lines, Has.Length.EqualTo(27));
        Assert.That(lines[1], Does.StartWith("612864,2020-01-14,14776367535688.64,"));
        Assert.That(File.ReadAllLines(Path.Combine(dir, "figures.csv"))[0], Is.EqualTo("forecast,median_abs_log_error,max_abs_log_error,coverage_5_95"));
        Assert.That(new FileInfo(Path.Combine(dir, "backtest.png")).Length, Is.GreaterThan(10_000));
        Assert.That(File.Exists(Path.Combine(dir, "backtest.svg")));
    }

    [Test]
    public void Rolling_WritesOneLinePerOrigin_AndTheSummary()
    {
        using var tmp = new TempFolder();
        string dir = tmp.File("rolling");
        var run = CliRun.Of("backtest", "--from", "2019-01-01", "--to", "2020-01-01", "--rolling", "6m", "--horizon", "6m", "--scenario", Scenario,
            "--paths", "64", "--out", dir, "--quiet");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var rows = File.ReadAllLines(Path.Combine(dir, "rolling.csv"));
        Assert.That(rows.Skip(1).Select(l => l[..10]), Is.EqualTo((string[])["2019-01-01", "2019-07-01", "2020-01-01"]));
        Assert.That(rows[3], Does.StartWith("2020-01-01,2020-07-01,1,"));
        Assert.That(File.ReadAllLines(Path.Combine(dir, "summary.csv")).Skip(1).Select(l => l.Split(',')[0]), Is.EqualTo((string[])["before_fit_end", "out_of_sample", "all"]));
        Assert.That(File.Exists(Path.Combine(dir, "error-by-origin.png")));
        Assert.That(File.Exists(Path.Combine(dir, "2019-07-01", "backtest.csv")));
        Assert.That(run.Out, Does.Match(@"out of sample +1 "));
    }

    [TestCase("--from", "2020-13-01", "--from: '2020-13-01' is not a date; expected yyyy-MM-dd")]
    [TestCase("--to", "2024-06-01", "--from/--to: end 2024-06-01 is after the last day of the data (2024-03-31")]
    [TestCase("--paths", "0", "--paths: 0 is not in [1, 1000000]")]
    [TestCase("--horizon", "12m", "--horizon: only with --rolling")]
    public void BadOptions_FailWithOneLine(string option, string value, string message)
    {
        var args = new List<string> { "backtest", "--from", "2020-01-01", "--to", "2021-01-01", "--scenario", Scenario, "--quiet" };
        int at = args.IndexOf(option);
        if (at >= 0) args[at + 1] = value;
        else args.AddRange([option, value]);
        var run = CliRun.Of([.. args]);
        Assert.That(run.ExitCode, Is.Not.Zero);
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.Contain(message));
    }

    [Test]
    public void RollingOriginPastTheData_IsRefusedBeforeAnyRun()
    {
        var run = CliRun.Of("backtest", "--from", "2022-01-01", "--to", "2023-07-01", "--rolling", "6m", "--scenario", Scenario, "--quiet", "--out", Path.Combine(Path.GetTempPath(), "never-" + Guid.NewGuid().ToString("N")));
        Assert.That(run.ExitCode, Is.Not.Zero);
        Assert.That(run.Error, Does.Contain("--rolling: origin 2023-07-01 + 12 months: end 2024-07-01 is after the last day of the data"));
    }
}
