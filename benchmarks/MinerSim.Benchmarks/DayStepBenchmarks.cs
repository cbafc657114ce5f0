using BenchmarkDotNet.Attributes;
using MinerSim.Kernel;

namespace MinerSim.Benchmarks;

/// <summary>One day-step (MODEL.md section 4, steps 1-15) over a block of paths, per path-day.</summary>
[MemoryDiagnoser]
public class DayStepBenchmarks
{
    private BlockKernel _kernel = null!;
    private int _t;

    [GlobalSetup]
    public void Setup()
    {
        _kernel = new BlockKernel(BenchmarkModels.Reference());
        _kernel.Prepare(42, 0);
        _kernel.StepDay(0);
    }

    /// <summary>A mid-horizon day (t cycles through 1..364 so rings and retargets behave as in a run).</summary>
    [Benchmark(OperationsPerInvoke = BlockKernel.BlockSize)]
    public void DayStep()
    {
        _t = _t % 364 + 1;
        _kernel.StepDay(_t);
    }
}
