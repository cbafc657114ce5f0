using MinerSim.Cli.Hosting;
using MinerSim.Cli.Output;
using MinerSim.Tests.Fixtures;

namespace MinerSim.Tests.Output;

public sealed class PlotAndCompareVerbTests
{
    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = CliApp.Run(args, new CliContext(output, error));
        return (code, output.ToString(), error.ToString());
    }

    [Test]
    public void Plot_FolderMissingPercentiles_ExitsOneWithOneLineNamingTheFile()
    {
        using var folder = new TempFolder();
        RunFolderWriter.Write(folder.Path, SyntheticRun.Create(days: 10), SyntheticRun.ScenarioJson);
        File.Delete(folder.File("percentiles.csv"));

        var (code, _, error) = Run("plot", "--in", folder.Path);

        Assert.That(code, Is.EqualTo(ExitCodes.Error));
        Assert.That(error.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error, Does.StartWith("minersim: ").And.Contain(folder.File("percentiles.csv")));
    }

    [Test]
    public void Plot_ShardPartialFolder_PointsAtMerge()
    {
        using var folder = new TempFolder();
        string part = folder.File("part-1");
        var shard = Run("run", "--scenario", TestScenarios.PathOf("reference"), "--paths", "2048", "--days", "5", "--shard", "1/2", "--out", part, "--quiet");
        Assert.That(shard.Code, Is.EqualTo(ExitCodes.Ok), shard.Error);

        var (code, _, error) = Run("plot", "--in", part);

        Assert.That(code, Is.EqualTo(ExitCodes.Error));
        Assert.That(error.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error, Does.Contain("a shard's partial result").And.Contain("minersim merge"));
    }

    [Test]
    public void Plot_WithoutIn_IsAUsageError()
    {
        var (code, _, error) = Run("plot");
        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("in"));
    }

    [Test]
    public void Plot_RunFolder_WritesEveryChartAndTheReport()
    {
        using var folder = new TempFolder();
        RunFolderWriter.Write(folder.Path, SyntheticRun.Create(days: 20), SyntheticRun.ScenarioJson);

        var (code, output, error) = Run("plot", "--in", folder.Path);

        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error);
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("report.html"));
            Assert.That(File.Exists(folder.File("report.html")), Is.True);
            Assert.That(File.Exists(folder.File("fan-miner_sales.png")), Is.True);
            Assert.That(File.Exists(folder.File("fan-visible_pressure.svg")), Is.True);
            Assert.That(File.Exists(folder.File("pressure-vs-etf.svg")), Is.True);
            Assert.That(File.Exists(folder.File("capitulation-share.png")), Is.True);
            Assert.That(File.Exists(folder.File("hist-total_sold.png")), Is.True);
            Assert.That(Directory.GetFiles(folder.Path, "*.tmp"), Is.Empty);
        });
    }

    [Test]
    public void Compare_RunsWithDifferentDays_RefusesWithOneLine()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        RunFolderWriter.Write(a.Path, SyntheticRun.Create(days: 10), SyntheticRun.ScenarioJson);
        RunFolderWriter.Write(b.Path, SyntheticRun.Create(days: 12), SyntheticRun.ScenarioJson);

        var (code, _, error) = Run("compare", a.Path, b.Path);

        Assert.That(code, Is.EqualTo(ExitCodes.Error));
        Assert.That(error.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error, Does.Contain("10 days").And.Contain("12"));
    }

    [Test]
    public void Compare_RunMissingAMetric_RefusesNamingIt()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        RunFolderWriter.Write(a.Path, SyntheticRun.Create(days: 10), SyntheticRun.ScenarioJson);
        RunFolderWriter.Write(b.Path, SyntheticRun.Create(days: 10, dailyMetrics: ["price", "miner_sales"]), SyntheticRun.ScenarioJson);

        var (code, _, error) = Run("compare", a.Path, b.Path);

        Assert.That(code, Is.EqualTo(ExitCodes.Error));
        Assert.That(error, Does.Contain("'hashrate'").And.Contain("missing from"));
    }

    [Test]
    public void Compare_FolderMissingFiles_Refuses()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        RunFolderWriter.Write(a.Path, SyntheticRun.Create(days: 10), SyntheticRun.ScenarioJson);

        var (code, _, error) = Run("compare", a.Path, b.Path);

        Assert.That(code, Is.EqualTo(ExitCodes.Error));
        Assert.That(error, Does.Contain(b.Path).And.Contain("missing"));
    }

    [Test]
    public void Compare_DayPastTheHorizon_IsAUsageError()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        RunFolderWriter.Write(a.Path, SyntheticRun.Create(days: 10), SyntheticRun.ScenarioJson);
        RunFolderWriter.Write(b.Path, SyntheticRun.Create(days: 10), SyntheticRun.ScenarioJson);

        var (code, _, error) = Run("compare", a.Path, b.Path, "--days", "5,30");

        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("--days: day 30"));
    }

    [Test]
    public void Compare_CompatibleRuns_WritesCsvChartsAndATable()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        RunFolderWriter.Write(a.Path, SyntheticRun.Create(days: 40), SyntheticRun.ScenarioJson);
        RunFolderWriter.Write(b.Path, SyntheticRun.Create(days: 40, scenario: "other"), SyntheticRun.ScenarioJson);

        var (code, output, error) = Run("compare", a.Path, b.Path, "--days", "0,30,39");

        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error);
        string outDir = Path.Combine(b.Path, "compare-vs-" + Path.GetFileName(a.Path));
        var csv = File.ReadAllLines(Path.Combine(outDir, "compare.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(csv[0], Is.EqualTo(RunComparison.Header));
            Assert.That(csv, Has.Length.EqualTo(1 + 10 * 3 + 5));
            Assert.That(csv[1], Does.StartWith("daily,price,0,"));
            Assert.That(csv[^1], Does.StartWith("summary,inventory_drawdown,,"));
            Assert.That(File.Exists(Path.Combine(outDir, "compare-miner_sales.png")), Is.True);
            Assert.That(File.Exists(Path.Combine(outDir, "compare-visible_pressure.svg")), Is.True);
            Assert.That(output, Does.Contain("total_sold").And.Contain("compare.csv"));
        });
    }
}
