using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using MinerSim.Numerics;
using MinerSim.Random;

namespace MinerSim.Benchmarks;

/// <summary>Uniform and normal generation, per value: eight xoshiro256** lanes (as in the kernel) and the scalar stream.</summary>
[MemoryDiagnoser]
public class RandomBenchmarks
{
    private const int Values = 4096;
    private readonly double[] _out = new double[Values];
    private Vector512<ulong> _s0, _s1, _s2, _s3;
    private PathStream _stream;

    [GlobalSetup]
    public void Setup()
    {
        _stream = new PathStream(1, 0);
        _s0 = Vector512.Create(0x9E3779B97F4A7C15UL, 1, 2, 3, 4, 5, 6, 7);
        _s1 = Vector512.Create(0xBF58476D1CE4E5B9UL, 8, 9, 10, 11, 12, 13, 14);
        _s2 = Vector512.Create(0x94D049BB133111EBUL, 15, 16, 17, 18, 19, 20, 21);
        _s3 = Vector512.Create(0xD1B54A32D192ED03UL, 22, 23, 24, 25, 26, 27, 28);
    }

    /// <summary>Scalar <see cref="PathStream.NextOpen"/>.</summary>
    [Benchmark(OperationsPerInvoke = Values)]
    public void UniformScalar()
    {
        for (int i = 0; i < Values; i++) _out[i] = _stream.NextOpen();
    }

    /// <summary>Eight lanes of xoshiro256** per step, as the kernel draws.</summary>
    [Benchmark(OperationsPerInvoke = Values)]
    public void UniformVector()
    {
        var (s0, s1, s2, s3) = (_s0, _s1, _s2, _s3);
        for (int i = 0; i < Values; i += 8) LaneStreams.NextUniform(ref s0, ref s1, ref s2, ref s3).CopyTo(_out, i);
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>Scalar Box-Muller pairs.</summary>
    [Benchmark(OperationsPerInvoke = Values)]
    public void NormalScalar()
    {
        for (int i = 0; i < Values; i += 2) (_out[i], _out[i + 1]) = Gaussian.NextPair(ref _stream);
    }

    /// <summary>Vector Box-Muller on eight lanes of uniforms.</summary>
    [Benchmark(OperationsPerInvoke = Values)]
    public void NormalVector()
    {
        var (s0, s1, s2, s3) = (_s0, _s1, _s2, _s3);
        for (int i = 0; i < Values; i += 16)
        {
            var (z0, z1) = Gaussian.BoxMuller(LaneStreams.NextUniform(ref s0, ref s1, ref s2, ref s3), LaneStreams.NextUniform(ref s0, ref s1, ref s2, ref s3));
            z0.CopyTo(_out, i);
            z1.CopyTo(_out, i + 8);
        }

        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }
}
