using MinerSim.Aggregation;
using MinerSim.Kernel;
using MinerSim.Simulation;

namespace MinerSim.Tests.Kernel;

public sealed class ChunkedSimulationTests
{
    /// <summary>
    /// Runs <paramref name="blocks"/> blocks on two threads with a 0.3 s checkpoint interval, the first
    /// chunk (two blocks per thread) slowed to 0.1 s a block (the callback runs under a lock, so in turn), and counts the checkpoints.
    /// </summary>
    private static int Checkpoints(int blocks, TimeSpan interval)
    {
        var model = new CompiledScenario(TestScenarios.Load("reference"), 5);
        var aggregate = new RunAggregate((long)blocks * BlockKernel.BlockSize, model.Days, BlockKernel.BlockSize, QuantileMethod.Sketch);
        int slowed = 0, saved = 0;
        ChunkedSimulation.Run(
            model, 3, aggregate, Enumerable.Range(0, blocks).ToArray(), threads: 2, interval,
            checkpoint: () => saved++,
            blockDone: _ =>
            {
                if (++slowed <= 4) Thread.Sleep(100);
            });
        Assert.That(aggregate.IsComplete);
        return saved;
    }

    [Test]
    public void NoCheckpoint_WhenTheRestOfTheRunIsShorterThanTheInterval()
    {
        // After the slow first chunk (0.4 s >= 0.3 s), two blocks at about 0.1 s are left: 0.2 s < 0.3 s.
        Assert.That(Checkpoints(6, TimeSpan.FromSeconds(0.3)), Is.EqualTo(0));
    }

    [Test]
    public void Checkpoint_WhenTheRestOfTheRunIsLongerThanTheInterval()
    {
        // Forty blocks are left after the first chunk: about 4 s estimated, more than the interval.
        Assert.That(Checkpoints(44, TimeSpan.FromSeconds(0.3)), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public void ZeroInterval_CheckpointsAfterEveryChunkButTheLast()
    {
        // With a zero interval the first chunk has two blocks per thread and the others one: chunks of 4, 2 and 2.
        Assert.That(Checkpoints(8, TimeSpan.Zero), Is.EqualTo(2));
    }
}
