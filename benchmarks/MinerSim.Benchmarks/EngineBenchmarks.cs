using BenchmarkDotNet.Attributes;
using MinerSim.Aggregation;
using MinerSim.Kernel;
using MinerSim.Simulation;

namespace MinerSim.Benchmarks;

/// <summary>
/// A whole engine run of the reference scenario over 10,000 paths and 365 days on one thread, per
/// path-day: the scalar <see cref="ReferencePath"/> over the same paths is the baseline, so the
/// ratio column is the speed-up.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private const int Paths = 10_000;
    private const int Days = 365;
    private const int PathDays = Paths * Days;
    private CompiledScenario _model = null!;

    [GlobalSetup]
    public void Setup() => _model = BenchmarkModels.Reference(Days);

    /// <summary>The scalar yardstick, path after path (it allocates a record per path).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = PathDays)]
    public double ReferenceScalar()
    {
        double x = 0;
        for (int p = 0; p < Paths; p++) x += ReferencePath.Simulate(_model, 42, p).Summaries[0];
        return x;
    }

    /// <summary>The block kernel alone (sink keeps one value a day).</summary>
    [Benchmark(OperationsPerInvoke = PathDays)]
    public double KernelOnly()
    {
        var kernel = new BlockKernel(_model);
        var sink = new NullSink();
        for (int p = 0; p < Paths; p += BlockKernel.BlockSize) kernel.Run(42, p, Math.Min(BlockKernel.BlockSize, Paths - p), sink);
        return sink.Checksum;
    }

    /// <summary><see cref="Simulator.Run"/> with sketch quantiles: kernel, aggregation and result.</summary>
    [Benchmark(OperationsPerInvoke = PathDays)]
    public RunResult SimulatorSketch() =>
        Simulator.Run(_model, new RunSettings { Paths = Paths, Seed = 42, Threads = 1, Quantiles = QuantileMethod.Sketch }, "bench");

    /// <summary><see cref="Simulator.Run"/> with exact quantiles.</summary>
    [Benchmark(OperationsPerInvoke = PathDays)]
    public RunResult SimulatorExact() =>
        Simulator.Run(_model, new RunSettings { Paths = Paths, Seed = 42, Threads = 1, Quantiles = QuantileMethod.Exact }, "bench");
}
