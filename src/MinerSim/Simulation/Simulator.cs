using System.Diagnostics;
using MinerSim.Aggregation;
using MinerSim.Kernel;
using MinerSim.Metrics;

namespace MinerSim.Simulation;

/// <summary>
/// The driver: hands fixed blocks of paths to worker threads (each with its own kernel and
/// sketches), merges the workers' sketches, and turns the aggregate into a <see cref="RunResult"/>.
/// </summary>
public static class Simulator
{
    /// <summary>The method <see cref="QuantileMethod.Auto"/> resolves to for this size.</summary>
    public static QuantileMethod Resolve(QuantileMethod requested, long paths, int days, long budget)
    {
        if (requested != QuantileMethod.Auto) return requested;
        double bytes = (double)paths * days * MetricCatalog.DailyCount * sizeof(double);
        return bytes <= budget ? QuantileMethod.Exact : QuantileMethod.Sketch;
    }

    /// <summary>
    /// Simulates <paramref name="blocks"/> into <paramref name="aggregate"/>; each must not be done yet (its sums
    /// would be added twice): callers pass the blocks a run or a resumed checkpoint still lacks.
    /// </summary>
    /// <param name="model">The compiled scenario.</param>
    /// <param name="seed">Master seed.</param>
    /// <param name="aggregate">Receives the blocks.</param>
    /// <param name="blocks">The blocks to simulate.</param>
    /// <param name="threads">Worker threads.</param>
    /// <param name="progress">Told of every finished block, if given (it may count a larger job: a run's chunks, a resume).</param>
    /// <param name="blockDone">Called after each simulated block.</param>
    /// <param name="pool">Worker state to reuse across calls (the chunks of one run); null: fresh state for this call.</param>
    /// <param name="cancellation">Stops between blocks; the finished ones are in the aggregate.</param>
    /// <returns>The number of blocks simulated by this call.</returns>
    public static int SimulateBlocks(
        CompiledScenario model,
        ulong seed,
        RunAggregate aggregate,
        IReadOnlyList<int> blocks,
        int threads,
        PathProgress? progress = null,
        Action<int>? blockDone = null,
        WorkerPool? pool = null,
        CancellationToken cancellation = default)
    {
        int simulated = 0;
        pool ??= new WorkerPool(model, aggregate.Method, aggregate.Days);
        if (!pool.Serves(model, aggregate)) throw new ArgumentException("the pool belongs to another run", nameof(pool));
        var workers = new List<(WorkerPool.State State, BlockCollector Collector)>();
        var gate = new object();

        BlockWorkers.Run(blocks.Count, threads, _ =>
        {
            var state = pool.Take();
            var kernel = state.Kernel;
            var collector = new BlockCollector(aggregate, state.Sketches, state.Sums);
            lock (gate) workers.Add((state, collector));
            return i =>
            {
                int block = blocks[(int)i];
                collector.Begin(block);
                int count = aggregate.BlockLength(block);
                kernel.Run(seed, aggregate.FirstPath(block), count, collector);
                Interlocked.Increment(ref simulated);
                if (blockDone is not null)
                {
                    lock (gate) blockDone(block);
                }

                progress?.BlockDone(count);
            };
        }, cancellation);

        // Integer counts and exact sums: the merge order cannot change the result. A block is marked done
        // only once its contributions are in the aggregate, so a checkpoint never holds half a block.
        foreach (var (state, collector) in workers)
        {
            if (state.Sketches is not null) aggregate.Sketches!.Merge(state.Sketches);
            aggregate.Sums.Add(state.Sums);
            foreach (int block in collector.Finished) aggregate.MarkDone(block);
            pool.Return(state);
        }

        cancellation.ThrowIfCancellationRequested();
        return simulated;
    }

    /// <summary>Runs a whole scenario in memory and reports it.</summary>
    public static RunResult Run(
        CompiledScenario model,
        RunSettings settings,
        string scenarioHash,
        IProgress<SimulationProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        var method = Resolve(settings.Quantiles, settings.Paths, model.Days, settings.ExactMemoryBudget);
        var aggregate = new RunAggregate(settings.Paths, model.Days, BlockKernel.BlockSize, method);
        var clock = Stopwatch.StartNew();
        var counter = progress is null ? null : new PathProgress(progress, settings.Paths, model.Days);
        SimulateBlocks(model, settings.Seed, aggregate, Enumerable.Range(0, aggregate.BlockCount).ToArray(), settings.Threads, counter, null, null, cancellation);
        double wall = clock.Elapsed.TotalSeconds;
        var info = new RunInfo
        {
            Scenario = model.Scenario.Name,
            ScenarioHash = scenarioHash,
            Seed = settings.Seed,
            Paths = settings.Paths,
            Days = model.Days,
            QuantileMethod = method.ToString().ToLowerInvariant(),
            EngineVersion = EngineInfo.Version,
            StartDate = model.Scenario.StartDate,
            WallSeconds = wall,
            PathDaysPerSecond = settings.Paths * (double)model.Days / Math.Max(wall, 1e-9),
            Threads = settings.Threads,
        };
        return ResultBuilder.Build(aggregate, info, settings.Threads);
    }
}
