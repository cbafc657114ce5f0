using BenchmarkDotNet.Attributes;
using MinerSim.Aggregation;
using MinerSim.Kernel;
using MinerSim.Simulation;

namespace MinerSim.Benchmarks;

/// <summary>
/// The calibrated scenario (samples/scenarios/baseline.json: fleet dynamics, must-run share) against the reference
/// (MODEL.md v1.1) in one run: a whole sketch-mode engine run of 10,000 paths x 365 days on one thread, per path-day.
/// Issue 11 allows the calibrated model at most 1.3x the reference's time (the Ratio column).
/// </summary>
[MemoryDiagnoser]
public class ScenarioBenchmarks
{
    private const int Paths = 10_000;
    private const int Days = 365;
    private const int PathDays = Paths * Days;
    private CompiledScenario _reference = null!, _baseline = null!;

    [GlobalSetup]
    public void Setup()
    {
        _reference = BenchmarkModels.Reference(Days);
        _baseline = BenchmarkModels.Load("baseline", Days);
    }

    /// <summary>The reference scenario, sketch quantiles.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = PathDays)]
    public RunResult ReferenceSketch() =>
        Simulator.Run(_reference, new RunSettings { Paths = Paths, Seed = 42, Threads = 1, Quantiles = QuantileMethod.Sketch }, "bench");

    /// <summary>The calibrated scenario, sketch quantiles.</summary>
    [Benchmark(OperationsPerInvoke = PathDays)]
    public RunResult BaselineSketch() =>
        Simulator.Run(_baseline, new RunSettings { Paths = Paths, Seed = 42, Threads = 1, Quantiles = QuantileMethod.Sketch }, "bench");
}
