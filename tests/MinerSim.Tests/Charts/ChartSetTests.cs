using System.Buffers.Binary;
using System.Text.RegularExpressions;
using MinerSim.Charts;
using MinerSim.Charts.Reports;
using MinerSim.Charts.Styling;
using MinerSim.Tests.Fixtures;

namespace MinerSim.Tests.Charts;

public sealed class ChartSetTests
{
    private TempFolder _folder = null!;
    private IReadOnlyList<string> _files = null!;

    [OneTimeSetUp]
    public void DrawOnce()
    {
        _folder = new TempFolder();
        _files = ChartSet.WriteAll(_folder.Path, SyntheticRun.Create(days: 60));
    }

    [OneTimeTearDown]
    public void CleanUp() => _folder.Dispose();

    [Test]
    public void WriteAll_WritesPngAndSvgOfEveryChart()
    {
        var names = _files.Select(Path.GetFileName).ToList();
        foreach (string stem in new[] { "fan-miner_sales", "fan-visible_pressure", "fan-hashrate", "fan-difficulty_hashrate", "fan-hashprice", "fan-price", "fan-miner_inventory", "pressure-vs-etf", "capitulation-share", "hist-total_sold", "hist-max_sales_30d", "hist-min_hashrate_ratio", "hist-days_below_aisc", "hist-inventory_drawdown" })
        {
            Assert.That(names, Does.Contain(stem + ".png").And.Contain(stem + ".svg"), stem);
        }

        Assert.That(_files.All(File.Exists), Is.True);
    }

    [Test]
    public void FanSvg_HasTitleAndAxisLabelsAsText()
    {
        string svg = File.ReadAllText(_folder.File("fan-miner_sales.svg"));
        var texts = Texts(svg);

        Assert.That(texts, Does.Contain("miner_sales - synthetic-test, 10,000 paths, seed 42"));
        Assert.That(texts, Does.Contain("miner_sales (BTC/day)"));
        Assert.That(texts, Does.Contain("day"));
        Assert.That(texts, Does.Contain("median").And.Contain("mean").And.Contain("5-95%"));
        Assert.That(svg, Does.Contain(ChartFonts.Family));
    }

    [Test]
    public void HistogramSvg_LabelsPercentilesAndExpectedShortfall()
    {
        string svg = File.ReadAllText(_folder.File("hist-total_sold.svg"));
        Assert.That(svg, Does.Contain("p5 = ").And.Contain("p50 = ").And.Contain("p95 = ").And.Contain("ES95 = "));
        Assert.That(svg, Does.Contain("total_sold (BTC)"));
    }

    [Test]
    public void Png_HasTheStatedSize()
    {
        byte[] png = File.ReadAllBytes(_folder.File("fan-price.png"));
        Assert.That(png.AsSpan(0, 8).ToArray(), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
        Assert.That(System.Text.Encoding.ASCII.GetString(png, 12, 4), Is.EqualTo("IHDR"));
        Assert.That(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), Is.EqualTo(ChartPalette.Width));
        Assert.That(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), Is.EqualTo(ChartPalette.Height));
    }

    [Test]
    public void DatedRun_LabelsTheAxisWithDates()
    {
        var svgs = ChartSet.RenderSvgs(SyntheticRun.Create(days: 60, startDate: new DateOnly(2026, 1, 31)));
        string svg = svgs.Single(s => s.Name == "fan-hashprice").Svg;
        var texts = Texts(svg);
        Assert.That(texts, Does.Contain("date"));
        Assert.That(texts, Has.Some.Match("2026|Feb|Mar"));
    }

    [Test]
    public void Report_IsSelfContainedWithChartsAndScenario()
    {
        using var folder = new TempFolder();
        string path = ReportWriter.Write(folder.Path, SyntheticRun.Create(days: 60), SyntheticRun.ScenarioJson);
        string html = File.ReadAllText(path);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
            Assert.That(html, Does.Contain("<svg"));
            Assert.That(Regex.Count(html, "<svg"), Is.EqualTo(ChartSet.RenderSvgs(SyntheticRun.Create(days: 60)).Count));
            Assert.That(html, Does.Contain("synthetic-test"));
            Assert.That(html, Does.Not.Match("(?i)(src|href)\\s*=\\s*[\"']?https?://"));
            Assert.That(html, Does.Not.Contain("<script"));
            Assert.That(html, Does.Contain("<td>price.p0</td><td>90000</td>"));
            Assert.That(html, Does.Contain("<td>total_sold</td>"));
            Assert.That(html, Does.Contain(">59<"), "the last day is in the key-day table");
            Assert.That(Directory.GetFiles(folder.Path), Has.Length.EqualTo(1));
        });
    }

    private static List<string> Texts(string svg) =>
        Regex.Matches(svg, "<text[^>]*>(.*?)</text>", RegexOptions.Singleline).Select(m => m.Groups[1].Value.Trim()).ToList();

    [Test]
    public void Fonts_RegisterOnceFromManyThreads()
    {
        Assert.DoesNotThrow(() => Parallel.For(0, 8, _ => ChartFonts.EnsureRegistered()));
        Assert.That(ScottPlot.Fonts.Default, Is.EqualTo(ChartFonts.Family));
    }
}
