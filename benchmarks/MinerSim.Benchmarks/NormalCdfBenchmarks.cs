using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using MinerSim.Miners;

namespace MinerSim.Benchmarks;

/// <summary>The normal CDF (step 5 evaluates it twice per tier), per value.</summary>
[MemoryDiagnoser]
public class NormalCdfBenchmarks
{
    private const int Values = 4096;
    private readonly double[] _z = new double[Values];
    private readonly double[] _out = new double[Values];

    [GlobalSetup]
    public void Setup()
    {
        for (int i = 0; i < Values; i++) _z[i] = -6.0 + 12.0 * i / Values;
    }

    /// <summary>Scalar Hart algorithm.</summary>
    [Benchmark(OperationsPerInvoke = Values)]
    public void PhiScalar()
    {
        for (int i = 0; i < Values; i++) _out[i] = NormalCdf.Phi(_z[i]);
    }

    /// <summary>The same on eight lanes.</summary>
    [Benchmark(OperationsPerInvoke = Values)]
    public void PhiVector()
    {
        for (int i = 0; i < Values; i += 8) NormalCdf.Phi(Vector512.Create(_z.AsSpan(i, 8))).CopyTo(_out, i);
    }
}
