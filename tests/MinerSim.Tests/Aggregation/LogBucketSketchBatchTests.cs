using MinerSim.Aggregation;
using MinerSim.Random;

namespace MinerSim.Tests.Aggregation;

public sealed class LogBucketSketchBatchTests
{
    [Test]
    public void AddBatch_GivesTheSameBuckets_AsAddingOneByOne()
    {
        var rng = new PathStream(21, 0);
        var values = new double[10_007];
        for (int i = 0; i < values.Length; i++)
        {
            double u = rng.NextOpen();
            values[i] = i % 11 == 0 ? 0.0 : i % 13 == 0 ? double.NaN : i % 3 == 0 ? -Math.Exp(40 * u - 20) : Math.Exp(60 * u - 20);
        }

        // Exact powers of gamma sit on bucket edges: both paths must agree there too.
        for (int i = 0; i < 200; i++) values[i * 7 + 1] = Math.Pow(LogBucketSketch.Gamma, i - 100);

        var one = new LogBucketSketch();
        foreach (double v in values) one.Add(v);
        var batch = new LogBucketSketch();
        batch.AddBatch(values.AsSpan(0, 5000));
        batch.AddBatch(values.AsSpan(5000));
        Assert.That(batch.Buckets().ToArray(), Is.EqualTo(one.Buckets().ToArray()));
        Assert.That(batch.Count, Is.EqualTo(one.Count));
    }

    [Test]
    public void BucketOf_KeepsEveryValue_WithinRelativeAccuracy_OfItsBucketValue()
    {
        var rng = new PathStream(22, 0);
        for (int i = 0; i < 100_000; i++)
        {
            double x = Math.Exp(80 * rng.NextOpen() - 20);
            double v = LogBucketSketch.ValueOf(LogBucketSketch.BucketOf(x));
            Assert.That(Math.Abs(v - x) / x, Is.LessThanOrEqualTo(LogBucketSketch.RelativeAccuracy + 1e-14));
        }
    }
}
