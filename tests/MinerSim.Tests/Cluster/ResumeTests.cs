using MinerSim.Cli.Hosting;
using MinerSim.Tests.Cli;
using MinerSim.Tests.Fixtures;

namespace MinerSim.Tests.Cluster;

/// <summary>
/// An interrupted run (Ctrl-C, or a checkpoint left by a killed process) finished with
/// <c>--resume</c> writes the same numbers as an uninterrupted run.
/// </summary>
public sealed class ResumeTests
{
    private TempFolder _folder = null!;
    private string _uninterrupted = null!;

    [OneTimeSetUp]
    public void RunUninterrupted()
    {
        _folder = new TempFolder();
        _uninterrupted = _folder.File("uninterrupted");
        var run = ClusterRuns.Run(ClusterRuns.Scenario, _uninterrupted);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Error);
    }

    [OneTimeTearDown]
    public void Clean() => _folder.Dispose();

    /// <summary>Runs with a token cancelled after <paramref name="blocks"/> blocks, like a Ctrl-C.</summary>
    private static CliRun Interrupted(int blocks, string[] args)
    {
        using var cancel = new CancellationTokenSource();
        int done = 0;
        return ClusterRuns.WithContext(args, _ =>
        {
            if (Interlocked.Increment(ref done) == blocks) cancel.Cancel();
        }, cancel.Token);
    }

    [TestCase("1")]
    [TestCase("2")]
    public void CtrlC_ThenResume_IsByteIdenticalToAnUninterruptedRun(string threads)
    {
        string dir = _folder.File("ctrl-c-" + threads);

        var first = Interrupted(5, [.. ClusterRuns.Base(ClusterRuns.Scenario, dir), "--threads", threads, "--checkpoint-every", "3600"]);

        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Interrupted), first.Error);
        Assert.That(first.Error, Does.Contain($"resume with: minersim run --resume {dir}"));
        Assert.That(Directory.Exists(dir), Is.False);
        Assert.That(File.Exists(Path.Combine(dir + ".inprogress", "partial.bin")), Is.True);

        var resumed = CliRun.Of("run", "--resume", dir, "--quiet", "--threads", threads);

        Assert.That(resumed.ExitCode, Is.EqualTo(ExitCodes.Ok), resumed.Error);
        Assert.That(resumed.Error, Does.Contain("blocks already done"));
        ClusterRuns.AssertSameNumbers(_uninterrupted, dir);
        Assert.That(Directory.Exists(dir + ".inprogress"), Is.False, "the checkpoint is removed once the run folder is written");
    }

    [Test]
    public void InterruptedTwice_ThenResume_IsByteIdentical()
    {
        string dir = _folder.File("twice");
        Assert.That(Interrupted(3, [.. ClusterRuns.Base(ClusterRuns.Scenario, dir), "--threads", "1"]).ExitCode, Is.EqualTo(ExitCodes.Interrupted));
        Assert.That(Interrupted(4, ["run", "--resume", dir, "--quiet", "--threads", "1"]).ExitCode, Is.EqualTo(ExitCodes.Interrupted));

        var resumed = CliRun.Of("run", "--resume", dir, "--quiet");

        Assert.That(resumed.ExitCode, Is.EqualTo(ExitCodes.Ok), resumed.Error);
        ClusterRuns.AssertSameNumbers(_uninterrupted, dir);
    }

    [Test]
    public void InterruptedShard_RerunWithTheSameCommand_ContinuesAndMergesIdentically()
    {
        string part0 = _folder.File("shard-part-0"), part1 = _folder.File("shard-part-1");
        string[] shard1 = [.. ClusterRuns.Base(ClusterRuns.Scenario, part1), "--shard", "1/2", "--threads", "1"];
        Assert.That(ClusterRuns.Run(ClusterRuns.Scenario, part0, "--shard", "0/2").ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(Interrupted(2, shard1).ExitCode, Is.EqualTo(ExitCodes.Interrupted));

        var rerun = CliRun.Of(shard1);
        var merged = CliRun.Of("merge", "--no-charts", "--out", _folder.File("shard-merged"), part0, part1);

        Assert.That(rerun.ExitCode, Is.EqualTo(ExitCodes.Ok), rerun.Error);
        Assert.That(rerun.Error, Does.Contain("resuming from"));
        Assert.That(merged.ExitCode, Is.EqualTo(ExitCodes.Ok), merged.Error);
        ClusterRuns.AssertSameNumbers(_uninterrupted, _folder.File("shard-merged"));
    }

    [Test]
    public void Resume_AfterTheScenarioFileChanged_Refuses()
    {
        string scenario = _folder.File("editable.json");
        File.Copy(ClusterRuns.Scenario, scenario);
        string dir = _folder.File("changed");
        Assert.That(Interrupted(2, [.. ClusterRuns.Base(scenario, dir), "--threads", "1"]).ExitCode, Is.EqualTo(ExitCodes.Interrupted));
        File.AppendAllText(scenario, "\n");

        var resumed = CliRun.Of("run", "--resume", dir, "--quiet");

        Assert.That(resumed.ExitCode, Is.EqualTo(ExitCodes.Error));
        Assert.That(resumed.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(resumed.Error, Does.Contain("changed since the checkpoint"));
    }

    [Test]
    public void NewRun_IntoAFolderWithAnotherRunsCheckpoint_Refuses()
    {
        string dir = _folder.File("other-checkpoint");
        Assert.That(Interrupted(2, [.. ClusterRuns.Base(ClusterRuns.Scenario, dir), "--threads", "1"]).ExitCode, Is.EqualTo(ExitCodes.Interrupted));

        var run = ClusterRuns.Run(ClusterRuns.Scenario, dir, "--seed", "9");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Error));
        Assert.That(run.Error, Does.Contain("checkpoint of a different run").And.Contain("--resume"));
    }

    [Test]
    public void Resume_WithRunSettings_IsAUsageError()
    {
        var run = CliRun.Of("run", "--resume", _folder.File("x"), "--seed", "3");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.Contain("drop --seed"));
    }

    [Test]
    public void Resume_WithoutACheckpoint_SaysSo()
    {
        var missing = CliRun.Of("run", "--resume", _folder.File("never-started"));
        var complete = CliRun.Of("run", "--resume", _uninterrupted);

        Assert.That(missing.ExitCode, Is.EqualTo(ExitCodes.Error));
        Assert.That(missing.Error, Does.Contain("no checkpoint"));
        Assert.That(complete.ExitCode, Is.EqualTo(ExitCodes.Error));
        Assert.That(complete.Error, Does.Contain("already complete"));
    }

    [Test]
    public void Run_WithoutScenarioOrResume_IsAUsageError()
    {
        var run = CliRun.Of("run", "--paths", "10");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.Contain("--scenario is required"));
    }
}
