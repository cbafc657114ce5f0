using MinerSim.Aggregation;
using MinerSim.Random;

namespace MinerSim.Tests.Aggregation;

/// <summary>
/// Sketch-mode summaries against the exact computation on the same values: expected shortfalls within the
/// stated bound of <see cref="LogBucketSketch.TailMean"/>, histograms on the same edges with each count
/// within the values one bucket width from its bin, quantiles within the sketch's accuracy.
/// </summary>
public sealed class SketchSummaryTests
{
    private const double Alpha = LogBucketSketch.RelativeAccuracy;

    private static IEnumerable<TestCaseData> Columns()
    {
        foreach (int n in new[] { 1, 3, 1000, 30_000 })
        {
            var rng = new PathStream(77, n);
            double Normal() => Gaussian.NextPair(ref rng).Z0;
            yield return Case("lognormal", n, _ => 135_000 * Math.Exp(0.15 * Normal()));
            yield return Case("wide positive", n, _ => Math.Exp(8 * Normal()));
            yield return Case("mixed sign", n, _ => (3000 * Normal()) + 1000);
            yield return Case("negative", n, _ => -100 * Math.Exp(Normal()));
            yield return Case("integers with point masses", n, _ => rng.NextOpen() < 0.3 ? 0 : Math.Floor(rng.NextOpen() * 12));
            yield return Case("zeros and ones", n, i => i % 17 == 3 ? 1.0 : 0.0);
            yield return Case("all equal", n, _ => 42.5);
            yield return Case("mass at one with tail", n, _ => Math.Min(1.0, 0.2 + rng.NextOpen()));
            yield return Case("tiny and cancelling", n, i => i % 3 == 0 ? 1e-12 * Normal() : (i % 3 == 1 ? 5 : -5) * (1 + rng.NextOpen()));
        }
    }

    private static TestCaseData Case(string name, int n, Func<int, double> value)
    {
        var column = new double[n];
        for (int i = 0; i < n; i++) column[i] = value(i);
        return new TestCaseData(column).SetArgDisplayNames($"{name}, n = {n}");
    }

    private static LogBucketSketch SketchOf(double[] column)
    {
        var sketch = new LogBucketSketch();
        sketch.AddBatch(column);
        return sketch;
    }

    [TestCaseSource(nameof(Columns))]
    public void TailMean_IsWithinRelativeAccuracy_OfTheExactTailMean(double[] column)
    {
        var sketch = SketchOf(column);
        var sorted = column.Order().ToArray();
        int n = sorted.Length;
        bool sameSign = sorted[0] >= 0 || sorted[^1] <= 0;
        foreach (bool largest in new[] { true, false })
        {
            foreach (long k in new long[] { 1, (long)Math.Ceiling(0.01 * n), (long)Math.Ceiling(0.05 * n), (n + 1) / 2, n }.Distinct())
            {
                var tail = largest ? sorted[^(int)k..] : sorted[..(int)k];
                double exact = tail.Average(), meanMagnitude = tail.Average(Math.Abs);
                double bound = (Alpha * meanMagnitude) + LogBucketSketch.MinMagnitude + (1e-12 * meanMagnitude);
                double reported = sketch.TailMean(k, largest);
                Assert.That(reported, Is.EqualTo(exact).Within(bound), $"k = {k}, largest {largest}");
                if (sameSign) Assert.That(Math.Abs(reported - exact), Is.LessThanOrEqualTo((Alpha * Math.Abs(exact) * (1 + 1e-12)) + LogBucketSketch.MinMagnitude));
            }
        }

        Assert.That(sketch.TailMean(0, true), Is.NaN);
        Assert.That(() => sketch.TailMean(n + 1, true), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [TestCaseSource(nameof(Columns))]
    public void SketchSummary_MatchesExact_WithinTheSketchAccuracy(double[] column)
    {
        int n = column.Length;
        var sketch = SketchOf(column);
        foreach (bool worstIsLargest in new[] { true, false })
        {
            var (exact, exactHistogram) = ResultBuilder.Summarize("m", column, worstIsLargest);
            var (approx, histogram) = ResultBuilder.SummarizeSketch("m", sketch, exact.Mean, worstIsLargest);
            Assert.That(approx.Mean, Is.EqualTo(exact.Mean), "the mean is passed through");

            // Same edges: min and max are exact in the sketch.
            Assert.That(histogram.Edges, Is.EqualTo(exactHistogram.Edges));
            Assert.That(histogram.Counts.Sum(), Is.EqualTo(n));

            // Each value's bucket value lies within alpha |x| (or MinMagnitude) of it, clamped into [min, max];
            // so it lands in a bin between those of x - that and x + that.
            double lo = histogram.Edges[0], hi = histogram.Edges[^1];
            int bins = histogram.Counts.Count;
            int BinOf(double x) => Math.Clamp((int)((x - lo) / (hi - lo) * bins), 0, bins - 1);
            var surely = new long[bins];
            var possibly = new long[bins];
            foreach (double x in column)
            {
                double slack = (Alpha * Math.Abs(x)) + LogBucketSketch.MinMagnitude;
                int from = BinOf(Math.Max(x - slack, column.Min())), to = BinOf(Math.Min(x + slack, column.Max()));
                if (from == to) surely[from]++;
                for (int b = from; b <= to; b++) possibly[b]++;
            }

            for (int b = 0; b < bins; b++)
            {
                Assert.That(histogram.Counts[b], Is.InRange(surely[b], possibly[b]), $"bin {b}");
            }

            // Quantiles: the ranked value floor(q (n - 1)) within alpha, which exact mode interpolates from.
            var sorted = column.Order().ToArray();
            for (int l = 0; l < QuantileLevels.Count; l++)
            {
                double truth = sorted[(int)Math.Floor(QuantileLevels.Values[l] * (n - 1))];
                Assert.That(approx.Quantiles[l], Is.EqualTo(truth).Within((Alpha * Math.Abs(truth)) + LogBucketSketch.MinMagnitude), $"level {l}");
            }
        }
    }

    [Test]
    public void PointMasses_AtTheExtremes_AreExact()
    {
        // Every value equal: min = max clamps every bucket value to it.
        var equal = SketchOf(Enumerable.Repeat(7.3, 500).ToArray());
        Assert.That(equal.TailMean(25, true), Is.EqualTo(7.3));
        Assert.That(equal.TailMean(5, false), Is.EqualTo(7.3));
        var (stats, histogram) = ResultBuilder.SummarizeSketch("m", equal, 7.3, worstIsLargest: true);
        Assert.That(stats.Quantiles, Is.All.EqualTo(7.3));
        Assert.That(histogram.Counts[0], Is.EqualTo(500));

        // 0 and 1: both ends are exact (zero count, clamped one).
        var indicator = SketchOf([.. Enumerable.Range(0, 600).Select(i => i % 60 == 7 ? 1.0 : 0.0)]);
        Assert.That(indicator.TailMean(30, true), Is.EqualTo(10.0 / 30).Within(1e-15));
        Assert.That(indicator.TailMean(6, true), Is.EqualTo(1.0));
        Assert.That(indicator.TailMean(590, false), Is.EqualTo(0.0));
    }

    [Test]
    public void WholeNumbers_WhereABucketHoldsOne_AreReportedExactly()
    {
        // A bucket at most 1 wide holds at most one whole number: below 256 every count comes back exact.
        for (int k = 1; k < 256; k++) Assert.That(LogBucketSketch.WholeNumberOf(LogBucketSketch.ValueOf(LogBucketSketch.BucketOf(k))), Is.EqualTo(k));
        Assert.That(LogBucketSketch.WholeNumberOf(0.0), Is.EqualTo(0.0));
        Assert.That(LogBucketSketch.WholeNumberOf(-3.01), Is.EqualTo(-3.0));

        // Days below AISC: whole numbers 0 .. 365; sketch quantiles (rank floor(q (n - 1))) against the sorted values.
        var rng = new PathStream(5, 1);
        var days = Enumerable.Range(0, 5000).Select(_ => Math.Floor(366 * rng.NextOpen() * rng.NextOpen())).ToArray();
        var (stats, _) = ResultBuilder.SummarizeSketch("days_below_aisc", SketchOf(days), days.Average(), worstIsLargest: true, wholeNumbers: true);
        var sorted = days.OrderBy(x => x).ToArray();
        for (int l = 0; l < QuantileLevels.Count; l++)
        {
            double truth = sorted[(int)Math.Floor(QuantileLevels.Values[l] * (sorted.Length - 1))];
            if (truth < 256) Assert.That(stats.Quantiles[l], Is.EqualTo(truth), $"level {QuantileLevels.Values[l]}");
            else Assert.That(stats.Quantiles[l], Is.EqualTo(truth).Within(Alpha * truth));
        }
    }
}
