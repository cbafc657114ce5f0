using MinerSim.Kernel;
using MinerSim.Simulation;

namespace MinerSim.Questions;

/// <summary>
/// Runs the <see cref="BlockKernel"/> over paths 0 .. N-1 in fixed blocks on worker threads, each
/// worker with its own kernel and sink. Each path's draws depend only on (seed, path) and each
/// block writes only its own paths' slots, so results never depend on the thread count.
/// </summary>
public static class BlockSweep
{
    /// <summary>Simulates <paramref name="paths"/> paths of <paramref name="model"/>.</summary>
    /// <param name="model">The compiled scenario.</param>
    /// <param name="seed">Master seed: the same seed gives the same random numbers on every path (common random numbers).</param>
    /// <param name="paths">Number of paths, at least 1.</param>
    /// <param name="threads">Worker threads, at least 1.</param>
    /// <param name="newSink">Makes one sink per worker.</param>
    /// <param name="progress">Told of every finished block, if given.</param>
    /// <param name="cancellation">Stops between blocks.</param>
    public static void Run(
        CompiledScenario model, ulong seed, long paths, int threads, Func<IPathBlockSink> newSink, PathProgress? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(newSink);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(paths);
        const int B = BlockKernel.BlockSize;
        BlockWorkers.Run((paths + B - 1) / B, threads, _ =>
        {
            var kernel = new BlockKernel(model);
            var sink = newSink();
            return b =>
            {
                long first = b * B;
                int count = (int)Math.Min(B, paths - first);
                sink.Begin(first, count);
                kernel.Run(seed, first, count, sink);
                progress?.BlockDone(count);
            };
        }, cancellation);
        cancellation.ThrowIfCancellationRequested();
    }
}
