using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using MinerSim.Miners;

namespace MinerSim.Benchmarks;

/// <summary>The normal CDF (step 5 evaluates it twice per tier), per value; the pair step 5 uses, per pair.</summary>
[MemoryDiagnoser]
public class NormalCdfBenchmarks
{
    private const int Values = 4096;
    private readonly double[] _z = new double[Values];
    private readonly double[] _out = new double[Values];
    private readonly double[] _shifted = new double[Values];
    private readonly double[] _ratio = new double[Values];
    private const double Spread = 0.3;

    [GlobalSetup]
    public void Setup()
    {
        for (int i = 0; i < Values; i++)
        {
            _z[i] = -6.0 + 12.0 * i / Values;
            _ratio[i] = Math.Exp(_z[i] * Spread - 0.5 * Spread * Spread);
        }
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

    /// <summary>
    /// Phi(z) and Phi(z - s) on eight lanes as step 5 evaluates them for a tier in the near range
    /// (<see cref="NormalCdf.PhiPairNear"/>: one exponential and one division for both), per pair.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Values)]
    public void PhiPairNearVector()
    {
        var s = Vector512.Create(Spread);
        for (int i = 0; i < Values; i += 8)
        {
            var (phi, shifted) = NormalCdf.PhiPairNear(Vector512.Create(_z.AsSpan(i, 8)), s, Vector512.Create(_ratio.AsSpan(i, 8)));
            phi.CopyTo(_out, i);
            shifted.CopyTo(_shifted, i);
        }
    }
}
