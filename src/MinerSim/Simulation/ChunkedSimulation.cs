using System.Diagnostics;
using MinerSim.Aggregation;
using MinerSim.Kernel;

namespace MinerSim.Simulation;

/// <summary>
/// Simulates the unfinished blocks of a plan in chunks through <see cref="Simulator.SimulateBlocks"/>.
/// After each chunk the aggregate is consistent (the finished blocks' done marks, exact sums, and
/// summaries and columns or merged sketches), which is when <c>checkpoint</c> may save it.
/// </summary>
/// <remarks>
/// Chunks are sized from the measured speed to last about the checkpoint interval (at least one
/// block per thread). The interval grows to ten times the last checkpoint's write time, so saving
/// never takes more than about a tenth of the run; and no checkpoint is saved when the rest of the
/// run is estimated to take less than the interval (it would cost more than it could save: a 1M-path
/// run of about 13 s took 0.4-0.7 s longer with its one checkpoint, at 10 s, than without). Chunking changes no number: each block is
/// simulated from its own random streams, sketches are integer counts and sums are exact;
/// the workers' state is reused from chunk to chunk (<see cref="WorkerPool"/>), so memory does not grow with the number of chunks.
/// </remarks>
public static class ChunkedSimulation
{
    /// <summary>Simulates every block of <paramref name="planned"/> not yet finished in <paramref name="aggregate"/>.</summary>
    /// <param name="model">The compiled scenario.</param>
    /// <param name="seed">Master seed.</param>
    /// <param name="aggregate">Receives the blocks; may already hold some (a resumed run).</param>
    /// <param name="planned">The blocks this run (or shard) must finish.</param>
    /// <param name="threads">Worker threads.</param>
    /// <param name="interval">Time between checkpoints (zero: after every chunk).</param>
    /// <param name="checkpoint">Saves the aggregate; called between chunks, never on the last one.</param>
    /// <param name="progress">Progress over the whole plan, including blocks finished before.</param>
    /// <param name="blockDone">Called after each simulated block.</param>
    /// <param name="cancellation">Stops after the blocks in flight; the aggregate stays consistent.</param>
    /// <exception cref="OperationCanceledException">Cancelled; the aggregate holds the finished blocks.</exception>
    public static void Run(
        CompiledScenario model,
        ulong seed,
        RunAggregate aggregate,
        IReadOnlyList<int> planned,
        int threads,
        TimeSpan interval,
        Action? checkpoint = null,
        IProgress<SimulationProgress>? progress = null,
        Action<int>? blockDone = null,
        CancellationToken cancellation = default)
    {
        var todo = planned.Where(b => !aggregate.IsDone(b)).ToArray();
        long pathsTotal = planned.Sum(b => (long)aggregate.BlockLength(b));
        long pathsBefore = pathsTotal - todo.Sum(b => (long)aggregate.BlockLength(b));
        var pool = new WorkerPool(model, aggregate.Method, aggregate.Days);
        var counter = progress is null ? null : new PathProgress(progress, pathsTotal, aggregate.Days, pathsBefore);
        var sinceCheckpoint = Stopwatch.StartNew();
        var wait = interval;
        int chunk = Math.Max(1, threads) * 2;
        int next = 0;
        while (next < todo.Length)
        {
            cancellation.ThrowIfCancellationRequested();
            int take = Math.Min(chunk, todo.Length - next);
            var blocks = new ArraySegment<int>(todo, next, take);
            var chunkClock = Stopwatch.StartNew();
            Simulator.SimulateBlocks(model, seed, aggregate, blocks, threads, counter, blockDone, pool, cancellation);
            next += take;

            // Size the next chunk to last about one interval (at least a block per thread).
            double perBlock = chunkClock.Elapsed.TotalSeconds / take;
            double target = Math.Max(wait.TotalSeconds, 0.5);
            chunk = (int)Math.Clamp(target / Math.Max(perBlock, 1e-6), Math.Max(1, threads), 1 << 20);
            if (interval == TimeSpan.Zero) chunk = Math.Max(1, threads);

            // A checkpoint bounds the work a crash can lose; one whose run would end within the next interval
            // protects less than the interval and costs a save, so it is skipped (Ctrl-C still saves one).
            double remaining = (todo.Length - next) * perBlock;
            bool worthIt = interval == TimeSpan.Zero || remaining > wait.TotalSeconds;
            if (checkpoint is not null && next < todo.Length && sinceCheckpoint.Elapsed >= wait && worthIt)
            {
                var write = Stopwatch.StartNew();
                checkpoint();
                wait = TimeSpan.FromTicks(Math.Max(interval.Ticks, write.Elapsed.Ticks * 10));
                sinceCheckpoint.Restart();
            }
        }
    }
}
