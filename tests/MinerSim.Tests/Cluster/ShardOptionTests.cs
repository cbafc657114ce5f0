using MinerSim.Cli.Hosting;
using MinerSim.Cli.Runs;
using MinerSim.Simulation;

namespace MinerSim.Tests.Cluster;

public sealed class ShardOptionTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Test]
    public void Explicit_IndexOfCount_IsParsed()
    {
        Assert.That(ShardOption.Resolve("3/8", null, Env()), Is.EqualTo(new ShardPlan(3, 8)));
        Assert.That(ShardOption.Resolve(null, null, Env()), Is.Null);
    }

    [TestCase("8/8", "not below the shard count 8")]
    [TestCase("1-4", "is not i/n")]
    [TestCase("-1/4", "is not i/n")]
    [TestCase("1/0", "is not i/n")]
    public void Explicit_BadValue_IsAUsageErrorNamingTheOption(string text, string message)
    {
        var e = Assert.Throws<UsageException>(() => ShardOption.Resolve(text, null, Env()));
        Assert.That(e!.Message, Does.StartWith("--shard").And.Contain(message));
    }

    [Test]
    public void Auto_InASlurmArray_TakesTheTaskIdAndCount()
    {
        var env = Env(("SLURM_ARRAY_TASK_ID", "2"), ("SLURM_ARRAY_TASK_COUNT", "4"), ("SLURM_ARRAY_TASK_MIN", "0"));
        Assert.That(ShardOption.Resolve("auto", null, env), Is.EqualTo(new ShardPlan(2, 4)));
    }

    [Test]
    public void Auto_RerunOfOneSlurmTask_UsesShardCount()
    {
        // sbatch --array=3 reruns task 3 alone: the array then has one task starting at 3.
        var env = Env(("SLURM_ARRAY_TASK_ID", "3"), ("SLURM_ARRAY_TASK_COUNT", "1"), ("SLURM_ARRAY_TASK_MIN", "3"));
        Assert.That(ShardOption.Resolve("auto", 4, env), Is.EqualTo(new ShardPlan(3, 4)));
        var e = Assert.Throws<UsageException>(() => ShardOption.Resolve("auto", null, env));
        Assert.That(e!.Message, Does.Contain("--shard-count"));
    }

    [Test]
    public void Auto_InAKubernetesIndexedJob_NeedsShardCount()
    {
        var env = Env(("JOB_COMPLETION_INDEX", "5"));
        Assert.That(ShardOption.Resolve("auto", 6, env), Is.EqualTo(new ShardPlan(5, 6)));
        var e = Assert.Throws<UsageException>(() => ShardOption.Resolve("auto", null, env));
        Assert.That(e!.Message, Does.Contain("JOB_COMPLETION_INDEX").And.Contain("--shard-count"));
        Assert.Throws<UsageException>(() => ShardOption.Resolve("auto", 5, env));
    }

    [Test]
    public void Auto_OutsideAScheduler_FailsWithOneClearLine()
    {
        var e = Assert.Throws<UsageException>(() => ShardOption.Resolve("auto", null, Env()));
        Assert.That(e!.Message, Does.Contain("SLURM_ARRAY_TASK_ID").And.Contain("JOB_COMPLETION_INDEX").And.Not.Contain("\n"));
    }

    [Test]
    public void Run_ShardAutoWithoutScheduler_ExitsTwo()
    {
        if (Environment.GetEnvironmentVariable("SLURM_ARRAY_TASK_ID") is not null || Environment.GetEnvironmentVariable("JOB_COMPLETION_INDEX") is not null)
        {
            Assert.Ignore("running inside a scheduler array task");
        }

        var run = MinerSim.Tests.Cli.CliRun.Of("run", "--scenario", ClusterRuns.Scenario, "--shard", "auto", "--quiet");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
    }

    [TestCase(12, 7)]
    [TestCase(3, 5)]
    [TestCase(1000, 8)]
    public void ShardPlans_TileTheBlocksInOrder(int blocks, int count)
    {
        var all = Enumerable.Range(0, count).SelectMany(i => new ShardPlan(i, count).Blocks(blocks));
        Assert.That(all, Is.EqualTo(Enumerable.Range(0, blocks)));
    }
}
