using MinerSim.Aggregation;
using MinerSim.Cli.Scenarios;
using MinerSim.Simulation;

namespace MinerSim.Tests.Questions;

/// <summary>Every shipped sample scenario loads through the CLI's loader and runs.</summary>
public sealed class SampleScenarioTests
{
    private static IEnumerable<string> Samples() =>
        Directory.GetFiles(Path.Combine(TestScenarios.RepoRoot, "samples", "scenarios"), "*.json").Order(StringComparer.Ordinal).Select(Path.GetFileName)!;

    [TestCaseSource(nameof(Samples))]
    public void Sample_LoadsAndRuns_WithoutNaN(string file)
    {
        var loaded = ScenarioFiles.Load(Path.Combine(TestScenarios.RepoRoot, "samples", "scenarios", file));
        var result = Simulator.Run(loaded.Compile(), new RunSettings { Paths = 64, Seed = 1, Threads = 2, Quantiles = QuantileMethod.Exact }, loaded.Hash);
        foreach (var bands in result.Daily)
        {
            for (int d = 0; d < bands.Days; d++)
            {
                Assert.That(double.IsFinite(bands.Quantile(d, QuantileLevels.Median)), Is.True, $"{file}: {bands.Metric} p50 on day {d}");
            }
        }

        foreach (var s in result.Summaries)
        {
            Assert.That(double.IsFinite(s.Quantiles[QuantileLevels.Median]), Is.True, $"{file}: {s.Metric} p50");
        }
    }

    [Test]
    public void SampleReadme_ListsEverySample()
    {
        string readme = File.ReadAllText(Path.Combine(TestScenarios.RepoRoot, "samples", "scenarios", "README.md"));
        foreach (string file in Samples())
        {
            Assert.That(readme, Does.Contain(file), "samples/scenarios/README.md");
        }
    }
}
