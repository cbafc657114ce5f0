using BenchmarkDotNet.Attributes;
using MinerSim.Aggregation;
using MinerSim.Random;

namespace MinerSim.Benchmarks;

/// <summary>Sketch inserts, per value: one block's lanes of a price-like metric.</summary>
[MemoryDiagnoser]
public class SketchBenchmarks
{
    private const int Values = 256;
    private readonly double[] _values = new double[Values];
    private readonly LogBucketSketch _sketch = new();

    [GlobalSetup]
    public void Setup()
    {
        var rng = new PathStream(3, 0);
        for (int i = 0; i < Values; i++) _values[i] = 90_000 * Math.Exp(0.5 * Gaussian.NextPair(ref rng).Z0);
        _sketch.AddBatch(_values); // the store's range is set up once, as after a run's first block
    }

    /// <summary>One value at a time.</summary>
    [Benchmark(OperationsPerInvoke = Values)]
    public void SketchAdd()
    {
        foreach (double v in _values) _sketch.Add(v);
    }

    /// <summary>The batched, vectorized insert the collector uses.</summary>
    [Benchmark(OperationsPerInvoke = Values)]
    public void SketchAddBatch() => _sketch.AddBatch(_values);
}
