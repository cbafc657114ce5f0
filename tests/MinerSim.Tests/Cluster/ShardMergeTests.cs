using MinerSim.Cli.Hosting;
using MinerSim.Tests.Cli;
using MinerSim.Tests.Fixtures;

namespace MinerSim.Tests.Cluster;

/// <summary>
/// <c>run --shard i/n</c> then <c>merge</c> must give the unsplit run's files byte for byte
/// (exact sums, sketches as integer counts), and merge must refuse sets of
/// partials that are not exactly one run's shards.
/// </summary>
public sealed class ShardMergeTests
{
    private TempFolder _folder = null!;
    private string _unsplit = null!;

    [OneTimeSetUp]
    public void RunUnsplit()
    {
        _folder = new TempFolder();
        _unsplit = _folder.File("unsplit");
        var run = ClusterRuns.Run(ClusterRuns.Scenario, _unsplit);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Error);
    }

    [OneTimeTearDown]
    public void Clean() => _folder.Dispose();

    private string[] Shards(string name, int count, string scenario, params string[] extra)
    {
        var dirs = new string[count];
        for (int i = 0; i < count; i++)
        {
            dirs[i] = _folder.File($"{name}-part-{i}");
            var run = ClusterRuns.Run(scenario, dirs[i], [.. extra, "--shard", $"{i}/{count}"]);
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Error);
        }

        return dirs;
    }

    private static CliRun Merge(string outDir, params string[] parts) => CliRun.Of(["merge", "--no-charts", "--out", outDir, .. parts]);

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(4)]
    [TestCase(7)]
    public void Merge_OfShards_IsByteIdenticalToTheUnsplitRun(int count)
    {
        var parts = Shards($"split{count}", count, ClusterRuns.Scenario);
        string merged = _folder.File($"merged-{count}");

        // Shard order on the command line must not matter.
        var run = Merge(merged, [.. parts.Reverse()]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Error);
        ClusterRuns.AssertSameNumbers(_unsplit, merged);
        Assert.That(File.ReadAllText(Path.Combine(merged, "scenario.json")), Is.EqualTo(File.ReadAllText(Path.Combine(_unsplit, "scenario.json"))));
        Assert.That(File.ReadAllText(Path.Combine(merged, "manifest.json")), Does.Contain("\"quantileMethod\": \"sketch\""));
    }

    [Test]
    public void Merge_OfExactShards_IsByteIdenticalToTheUnsplitExactRun()
    {
        string unsplit = _folder.File("exact-unsplit");
        Assert.That(ClusterRuns.Run(ClusterRuns.Scenario, unsplit, "--quantiles", "exact").ExitCode, Is.EqualTo(ExitCodes.Ok));
        var parts = Shards("exact", 3, ClusterRuns.Scenario, "--quantiles", "exact");
        string merged = _folder.File("exact-merged");

        var run = Merge(merged, parts);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Error);
        ClusterRuns.AssertSameNumbers(unsplit, merged);
    }

    [Test]
    public void Shard_WithAutoQuantiles_ResolvesOnTheWholeRunsPaths()
    {
        string part = _folder.File("auto-part");
        var run = CliRun.Of("run", "--scenario", ClusterRuns.Scenario, "--paths", "3000", "--days", "60", "--shard", "1/3", "--out", part, "--quiet");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Error);
        string manifest = File.ReadAllText(Path.Combine(part, "partial.json"));
        Assert.That(manifest, Does.Contain("\"quantileMethod\": \"exact\"").And.Contain("\"shardIndex\": 1").And.Contain("\"shardCount\": 3"));
    }

    [Test]
    public void Merge_PartialsWithDifferentSeeds_RefusesWithOneLine()
    {
        var parts = Shards("seed5", 2, ClusterRuns.Scenario);
        string other = _folder.File("seed6-part-1");
        Assert.That(ClusterRuns.Run(ClusterRuns.Scenario, other, "--seed", "6", "--shard", "1/2").ExitCode, Is.EqualTo(ExitCodes.Ok));

        var run = Merge(_folder.File("mixed-seeds"), parts[0], other);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Error));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.Contain("seed 6 vs 5"));
        Assert.That(Directory.Exists(_folder.File("mixed-seeds")), Is.False);
    }

    [Test]
    public void Merge_PartialsOfDifferentScenarioFiles_RefusesOnTheHash()
    {
        string changed = _folder.File("changed.json");
        File.WriteAllText(changed, File.ReadAllText(ClusterRuns.Scenario) + "\n");
        var parts = Shards("scenario-a", 2, ClusterRuns.Scenario);
        var others = Shards("scenario-b", 2, changed);

        var run = Merge(_folder.File("mixed-scenarios"), parts[0], others[1]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Error));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.Contain("scenario hash"));
    }

    [Test]
    public void Merge_PartialsOfDifferentHorizons_Refuses()
    {
        var parts = Shards("days60", 2, ClusterRuns.Scenario);
        string other = _folder.File("days30-part-1");
        var shard = ClusterRuns.Run(ClusterRuns.Scenario, other, "--days", "30", "--shard", "1/2");
        Assert.That(shard.ExitCode, Is.EqualTo(ExitCodes.Ok), shard.Error);

        var run = Merge(_folder.File("mixed-days"), parts[0], other);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Error));
        Assert.That(run.Error, Does.Contain("days 30 vs 60"));
    }

    [Test]
    public void Merge_MissingAndDuplicateShards_AreListedOnOneLine()
    {
        var parts = Shards("gaps", 5, ClusterRuns.Scenario);

        var run = Merge(_folder.File("gaps-merged"), parts[0], parts[2], parts[2], parts[4]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Error));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.Contain("missing shards 1, 3 of 5").And.Contain("shard 2 given 2 times"));
    }

    [Test]
    public void Merge_OfARunFolderInsteadOfAPartial_SaysWhatIsMissing()
    {
        var run = Merge(_folder.File("not-partials"), _unsplit);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Error));
        Assert.That(run.Error, Does.Contain("not a partial result").And.Contain("partial.json"));
    }

    [Test]
    public void RunShard_Twice_IntoTheSameFolder_Refuses()
    {
        var parts = Shards("twice", 2, ClusterRuns.Scenario);

        var again = ClusterRuns.Run(ClusterRuns.Scenario, parts[1], "--shard", "1/2");

        Assert.That(again.ExitCode, Is.EqualTo(ExitCodes.Error));
        Assert.That(again.Error, Does.Contain("already exists"));
    }
}
