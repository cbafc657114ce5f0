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
    [Test]
    public void AddZerosAndOnes_GivesTheSameBuckets_AsAddingTheIndicatorValues()
    {
        var values = new double[1000];
        for (int i = 0; i < values.Length; i++) values[i] = i % 3 == 0 ? 1.0 : 0.0;
        var batch = new LogBucketSketch();
        batch.AddBatch(values);
        var counted = new LogBucketSketch();
        counted.AddZerosAndOnes(values.Length - 334, 334);
        Assert.That(counted.Buckets().ToArray(), Is.EqualTo(batch.Buckets().ToArray()));
        Assert.That(counted.Quantile(0.9), Is.EqualTo(batch.Quantile(0.9)));
    }

    [Test]
    public void BucketValues_AreIncreasing_AndBucketEdgesWithinGamma()
    {
        // The log-linear mapping is monotone: bucket values rise with the index, and adjacent bucket
        // values differ by at most gamma, across the magnitudes a metric can take.
        for (int b = LogBucketSketch.BucketOf(LogBucketSketch.MinMagnitude); b < LogBucketSketch.BucketOf(1e15); b++)
        {
            double v0 = LogBucketSketch.ValueOf(b), v1 = LogBucketSketch.ValueOf(b + 1);
            Assert.That(v1, Is.GreaterThan(v0));
            Assert.That(v1 / v0, Is.LessThanOrEqualTo(LogBucketSketch.Gamma * (1 + 1e-12)));
        }
    }

    [Test]
    public void BucketEdges_AreExact_AndTheBoundIsAttainedNearThem()
    {
        // Bucket i is [lo, hi) with lo and hi doubles: lo itself is in bucket i, the double below it in i - 1,
        // and at both edges the reported value is RelativeAccuracy away at most (attained at the octave's start).
        foreach (double x in new[] { 1.0, 1.0 + 1.0 / 128, 90_000.0, 3.0e-7, 1e12 })
        {
            int b = LogBucketSketch.BucketOf(x);
            double lo = LogBucketSketch.LowerEdge(b);
            Assert.That(LogBucketSketch.BucketOf(lo), Is.EqualTo(b));
            Assert.That(LogBucketSketch.BucketOf(Math.BitDecrement(lo)), Is.EqualTo(b - 1));
            double v = LogBucketSketch.ValueOf(b);
            Assert.That(Math.Abs(v - lo) / lo, Is.LessThanOrEqualTo(LogBucketSketch.RelativeAccuracy * (1 + 1e-12)));
        }

        double one = LogBucketSketch.ValueOf(LogBucketSketch.BucketOf(1.0));
        Assert.That((one - 1.0) / 1.0, Is.EqualTo(LogBucketSketch.RelativeAccuracy).Within(1e-15));
    }

    [Test]
    public void AddBatch_WithNaN_KeepsMinAndMax_AsAddDoes()
    {
        double[] values = [3.0, double.NaN, 1.5, 9.0, 2.0, 4.0, 5.0, 6.0, 7.0];
        var one = new LogBucketSketch();
        foreach (double v in values) one.Add(v);
        var batch = new LogBucketSketch();
        batch.AddBatch(values);
        Assert.That((batch.Min, batch.Max), Is.EqualTo((1.5, 9.0)));
        Assert.That((batch.Min, batch.Max), Is.EqualTo((one.Min, one.Max)));
        Assert.That(batch.Buckets().ToArray(), Is.EqualTo(one.Buckets().ToArray()));
        Assert.That(batch.Quantile(0.5), Is.EqualTo(one.Quantile(0.5)));
    }

    [Test]
    public void ValueOf_IsWithinAccuracy_UpToTheLargestDouble()
    {
        foreach (double x in new[] { 1e160, 5e159, 1e300, double.MaxValue / 1.001, double.MaxValue })
        {
            double v = LogBucketSketch.ValueOf(LogBucketSketch.BucketOf(x));
            Assert.That(double.IsFinite(v) || x > double.MaxValue / 1.004, Is.True, $"{x}");
            if (double.IsFinite(v)) Assert.That(Math.Abs(v - x) / x, Is.LessThanOrEqualTo(LogBucketSketch.RelativeAccuracy * (1 + 1e-12)), $"{x}");
        }
    }
}
