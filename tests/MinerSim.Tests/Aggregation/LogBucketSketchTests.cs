using MinerSim.Aggregation;
using MinerSim.Random;

namespace MinerSim.Tests.Aggregation;

public sealed class LogBucketSketchTests
{
    [Test]
    public void Quantile_IsWithinRelativeAccuracy_OfTheRankedValue()
    {
        var rng = new PathStream(11, 0);
        var sketch = new LogBucketSketch();
        var values = new double[50_000];
        for (int i = 0; i < values.Length; i++)
        {
            var (z, _) = Gaussian.NextPair(ref rng);
            values[i] = i % 5 == 0 ? -Math.Exp(z) : i % 7 == 0 ? 0.0 : 90_000 * Math.Exp(0.5 * z);
            sketch.Add(values[i]);
        }

        Array.Sort(values);
        foreach (double q in QuantileLevels.Values)
        {
            double truth = values[(long)Math.Floor(q * (values.Length - 1))];
            Assert.That(sketch.Quantile(q), Is.EqualTo(truth).Within(LogBucketSketch.RelativeAccuracy * Math.Abs(truth) + 1e-12), $"q = {q}");
        }
    }

    [Test]
    public void Merge_InAnyOrder_GivesIdenticalQuantiles()
    {
        var parts = new LogBucketSketch[3];
        for (int p = 0; p < parts.Length; p++)
        {
            parts[p] = new LogBucketSketch();
            var rng = new PathStream(5, p);
            for (int i = 0; i < 1000 * (p + 1); i++) parts[p].Add(Math.Exp(10 * rng.NextOpen()) - 500);
        }

        var a = new LogBucketSketch();
        foreach (var s in parts) a.Merge(s);
        var b = new LogBucketSketch();
        foreach (var s in parts.Reverse()) b.Merge(s);
        foreach (double q in QuantileLevels.Values) Assert.That(b.Quantile(q), Is.EqualTo(a.Quantile(q)));
        Assert.That(a.Count, Is.EqualTo(6000));
    }

    [Test]
    public void Quantile_OfAConstantColumn_IsThatValue()
    {
        var sketch = new LogBucketSketch();
        sketch.AddBatch(Enumerable.Repeat(90_000.0, 1024).ToArray());
        foreach (double q in QuantileLevels.Values) Assert.That(sketch.Quantile(q), Is.EqualTo(90_000.0));
    }

    [Test]
    public void Quantile_StaysWithinObservedRange_AfterMerge()
    {
        var a = new LogBucketSketch();
        var b = new LogBucketSketch();
        a.AddBatch([100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0]);
        b.Add(250.0);
        a.Merge(b);
        Assert.Multiple(() =>
        {
            Assert.That(a.Min, Is.EqualTo(100.0));
            Assert.That(a.Max, Is.EqualTo(250.0));
            Assert.That(a.Quantile(0.01), Is.InRange(100.0, 100.0 * (1 + LogBucketSketch.RelativeAccuracy)));
            Assert.That(a.Quantile(0.99), Is.LessThanOrEqualTo(250.0));
        });
    }
}
