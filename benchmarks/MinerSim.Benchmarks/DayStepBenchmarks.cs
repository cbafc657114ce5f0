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

    /// <summary>
    /// The days of a year in turn; after day 364 the block starts again from day 0 (once per 365
    /// invocations), so the paths stay in the reference scenario's range instead of drifting for
    /// centuries into the normal CDF's far tail.
    /// </summary>
    [Benchmark(OperationsPerInvoke = BlockKernel.BlockSize)]
    public void DayStep()
    {
        if (++_t == 365)
        {
            _kernel.Prepare(42, 0);
            _t = 0;
        }

        _kernel.StepDay(_t);
    }
}
