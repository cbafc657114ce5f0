using MinerSim.Aggregation;
using MinerSim.Cli.Output;
using MinerSim.Tests.Fixtures;

namespace MinerSim.Tests.Output;

public sealed class RunFolderTests
{
    private static readonly string[] RunFolderNames = ["percentiles.csv", "summary.csv", "histograms.csv", "manifest.json", "scenario.json"];

    [Test]
    public void WriteThenRead_GivesIdenticalValues()
    {
        using var folder = new TempFolder();
        var original = SyntheticRun.Create(days: 60, startDate: new DateOnly(2026, 1, 31));
        RunFolderWriter.Write(folder.Path, original, SyntheticRun.ScenarioJson);

        var (read, scenario) = RunFolderReader.Read(folder.Path);

        Assert.Multiple(() =>
        {
            Assert.That(scenario, Is.EqualTo(SyntheticRun.ScenarioJson));
            Assert.That(read.Info, Is.EqualTo(original.Info));
            Assert.That(read.Daily.Select(d => d.Metric), Is.EqualTo(original.Daily.Select(d => d.Metric)));
            for (int m = 0; m < original.Daily.Count; m++)
            {
                for (int level = 0; level < QuantileLevels.Count; level++)
                {
                    Assert.That(read.Daily[m].Series(level), Is.EqualTo(original.Daily[m].Series(level)), $"{original.Daily[m].Metric} level {level}");
                }

                Assert.That(read.Daily[m].MeanSeries(), Is.EqualTo(original.Daily[m].MeanSeries()));
            }

            for (int s = 0; s < original.Summaries.Count; s++)
            {
                var (a, b) = (original.Summaries[s], read.Summaries[s]);
                Assert.That(b.Metric, Is.EqualTo(a.Metric));
                Assert.That(b.Quantiles, Is.EqualTo(a.Quantiles));
                Assert.That((b.Mean, b.Es95, b.Es99), Is.EqualTo((a.Mean, a.Es95, a.Es99)));
                Assert.That(read.Histograms[s].Metric, Is.EqualTo(original.Histograms[s].Metric));
                Assert.That(read.Histograms[s].Edges, Is.EqualTo(original.Histograms[s].Edges));
                Assert.That(read.Histograms[s].Counts, Is.EqualTo(original.Histograms[s].Counts));
            }
        });
    }

    [Test]
    public void ReadThenWriteAgain_GivesByteIdenticalFiles()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        var written = RunFolderWriter.Write(first.Path, SyntheticRun.Create(), SyntheticRun.ScenarioJson);
        var (result, scenario) = RunFolderReader.Read(first.Path);
        RunFolderWriter.Write(second.Path, result, scenario);

        Assert.That(written, Has.Count.EqualTo(5));
        foreach (string path in written)
        {
            string name = Path.GetFileName(path);
            Assert.That(File.ReadAllBytes(second.File(name)), Is.EqualTo(File.ReadAllBytes(path)), name);
        }
    }

    [Test]
    public void Write_UsesTheDocumentedHeadersAndLeavesNoTemporaryFiles()
    {
        using var folder = new TempFolder();
        RunFolderWriter.Write(folder.Path, SyntheticRun.Create(days: 3), SyntheticRun.ScenarioJson);

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadLines(folder.File("percentiles.csv")).First(), Is.EqualTo("metric,day,p1,p5,p25,p50,p75,p95,p99,mean"));
            Assert.That(File.ReadLines(folder.File("summary.csv")).First(), Is.EqualTo("metric,p1,p5,p25,p50,p75,p95,p99,mean,es95,es99"));
            Assert.That(File.ReadLines(folder.File("histograms.csv")).First(), Is.EqualTo("metric,bin,lo,hi,count"));
            Assert.That(File.ReadLines(folder.File("percentiles.csv")).Count(), Is.EqualTo(1 + 10 * 3));
            Assert.That(File.ReadLines(folder.File("percentiles.csv")).ElementAt(1), Does.StartWith("price,0,"));
            Assert.That(Directory.GetFiles(folder.Path).Select(Path.GetFileName), Is.EquivalentTo(RunFolderNames));
        });
    }

    [Test]
    public void Manifest_HasCamelCaseFields()
    {
        using var folder = new TempFolder();
        RunFolderWriter.Write(folder.Path, SyntheticRun.Create(startDate: new DateOnly(2026, 1, 31)), SyntheticRun.ScenarioJson);
        string json = File.ReadAllText(folder.File("manifest.json"));

        foreach (string field in new[] { "scenario", "scenarioHash", "seed", "paths", "days", "quantileMethod", "engineVersion", "startDate", "wallSeconds", "pathDaysPerSecond", "threads" })
        {
            Assert.That(json, Does.Contain($"\"{field}\":"), field);
        }

        Assert.That(json, Does.Contain("\"startDate\": \"2026-01-31\""));
    }

    [Test]
    public void Read_MissingPercentiles_NamesTheFile()
    {
        using var folder = new TempFolder();
        RunFolderWriter.Write(folder.Path, SyntheticRun.Create(days: 5), SyntheticRun.ScenarioJson);
        File.Delete(folder.File("percentiles.csv"));

        var e = Assert.Throws<InvalidDataException>(() => RunFolderReader.Read(folder.Path));
        Assert.That(e!.Message, Does.Contain("percentiles.csv").And.Contain("missing").And.Not.Contain("\n"));
    }

    [TestCase("summary.csv", 3, "total_sold,1,2,3", "line 3: expected 11 fields, found 4")]
    [TestCase("summary.csv", 2, "total_sold,1,2,x,4,5,6,7,8,9,10", "line 2: p25 'x' is not a number")]
    [TestCase("percentiles.csv", 4, "price,7,1,2,3,4,5,6,7,8", "line 4: expected day 2 of 'price', found '7'")]
    [TestCase("histograms.csv", 3, "total_sold,1,99,100,5", "line 3: bin starts at 99")]
    [TestCase("histograms.csv", 2, "total_sold,0,0,1,-5", "line 2: count '-5' is not a non-negative integer")]
    public void Read_MalformedRow_NamesFileAndLine(string file, int line, string replacement, string expected)
    {
        using var folder = new TempFolder();
        RunFolderWriter.Write(folder.Path, SyntheticRun.Create(days: 5), SyntheticRun.ScenarioJson);
        var lines = File.ReadAllLines(folder.File(file));
        lines[line - 1] = replacement;
        File.WriteAllLines(folder.File(file), lines);

        var e = Assert.Throws<InvalidDataException>(() => RunFolderReader.Read(folder.Path));
        Assert.That(e!.Message, Does.StartWith(folder.File(file) + ": ").And.Contain(expected).And.Not.Contain("\n"));
    }

    [Test]
    public void Read_ManifestWithoutSeed_NamesTheField()
    {
        using var folder = new TempFolder();
        RunFolderWriter.Write(folder.Path, SyntheticRun.Create(days: 5), SyntheticRun.ScenarioJson);
        string manifest = File.ReadAllText(folder.File("manifest.json")).Replace("\"seed\"", "\"sead\"", StringComparison.Ordinal);
        File.WriteAllText(folder.File("manifest.json"), manifest);

        var e = Assert.Throws<InvalidDataException>(() => RunFolderReader.Read(folder.Path));
        Assert.That(e!.Message, Does.Contain("manifest.json: missing field 'seed'"));
    }
}
