using MinerSim.Aggregation;
using MinerSim.Random;

namespace MinerSim.Tests.Aggregation;

/// <summary>
/// The sort-free summaries against the sorted definition they replace: quantiles and histogram
/// bit for bit, mean and expected shortfalls (summed in path order, not sorted order) to 1e-12.
/// </summary>
public sealed class SummarizeTests
{
    private static readonly int[] Lengths = [1, 2, 7, 513, 10_000];

    private static IEnumerable<TestCaseData> Columns()
    {
        foreach (int n in Lengths)
        {
            var rng = new PathStream(41, n);
            double Normal() => Gaussian.NextPair(ref rng).Z0;
            double[] three = [-2.5, 0.0, 7.0];
            yield return Case("mixed sign", n, _ => (3000 * Normal()) + 1000);
            yield return Case("negative", n, _ => -100 * Math.Exp(Normal()));
            yield return Case("lognormal", n, _ => 90_000 * Math.Exp(0.6 * Normal()));
            yield return Case("three values", n, _ => three[(int)(rng.NextOpen() * 3)]);
            yield return Case("rounded", n, _ => Math.Round(rng.NextOpen() * 50) - 20);
            yield return Case("all equal", n, _ => 42.5);
            yield return Case("one far outlier", n, i => i == n / 2 ? 1e300 : 1.0 + (1e-12 * i));
        }
    }

    private static TestCaseData Case(string name, int n, Func<int, double> value)
    {
        var column = new double[n];
        for (int i = 0; i < n; i++) column[i] = value(i);
        return new TestCaseData(column).SetArgDisplayNames($"{name}, n = {n}");
    }

    [TestCaseSource(nameof(Columns))]
    public void Summarize_EqualsSortedDefinition(double[] column)
    {
        int n = column.Length;
        foreach (bool worstIsLargest in new[] { true, false })
        {
            // The production tails, then the edges: every path (k = n) and a single path (k = 1).
            foreach (var (tail95, tail99) in new[] { (0.05, 0.01), (1.0, 1.0 / n) })
            {
                string label = $"worst {(worstIsLargest ? "largest" : "smallest")}, tails {tail95}, {tail99}";
                var (stats, histogram) = ResultBuilder.Summarize("m", column, worstIsLargest, tail95, tail99);
                var expected = Oracle(column, worstIsLargest, tail95, tail99);

                Assert.That(Bits(stats.Quantiles), Is.EqualTo(Bits(expected.Quantiles)), label + ": quantiles");
                Assert.That(Bits(histogram.Edges), Is.EqualTo(Bits(expected.Edges)), label + ": edges");
                Assert.That(histogram.Counts, Is.EqualTo(expected.Counts), label + ": counts");

                // Reordering a sum moves it by a few ulps of the largest term at most.
                double scale = column.Max(Math.Abs);
                Assert.That(stats.Mean, Is.EqualTo(expected.Mean).Within(1e-12 * Math.Max(Math.Abs(expected.Mean), scale)), label + ": mean");
                Assert.That(stats.Es95, Is.EqualTo(expected.Es95).Within(1e-12 * Math.Max(Math.Abs(expected.Es95), scale)), label + ": es95");
                Assert.That(stats.Es99, Is.EqualTo(expected.Es99).Within(1e-12 * Math.Max(Math.Abs(expected.Es99), scale)), label + ": es99");
            }
        }
    }

    [Test]
    public void Summarize_DoesNotReorderItsInput()
    {
        foreach (int n in new[] { 7, 10_000 })
        {
            var rng = new PathStream(5, n);
            var column = new double[n];
            for (int i = 0; i < n; i++) column[i] = Gaussian.NextPair(ref rng).Z0;
            var copy = (double[])column.Clone();
            ResultBuilder.Summarize("m", column, worstIsLargest: true);
            Assert.That(column, Is.EqualTo(copy), $"n = {n}");
        }
    }

    [Test]
    public void ExpectedShortfall_TakesCeilOfTail()
    {
        // Shuffled 1..101: nothing may rely on the input being sorted.
        double[] values = [.. Enumerable.Range(1, 101).Select(i => (double)(i * 37 % 101) + 1)];
        Assert.That(values.Distinct().Count(), Is.EqualTo(101));

        // ceil(0.05 * 101) = 6 worst: 96..101, mean 98.5; smallest side: 1..6, mean 3.5.
        // ceil(0.01 * 101) = 2: 100, 101; ceil(0.01 * 100 - 1e-9) = 1 (no rounding up of an exact product).
        var (largest, _) = ResultBuilder.Summarize("m", values, worstIsLargest: true);
        Assert.That(largest.Es95, Is.EqualTo(98.5));
        Assert.That(largest.Es99, Is.EqualTo(100.5));
        var (smallest, _) = ResultBuilder.Summarize("m", values, worstIsLargest: false);
        Assert.That(smallest.Es95, Is.EqualTo(3.5));
        Assert.That(smallest.Es99, Is.EqualTo(1.5));
        var (hundred, _) = ResultBuilder.Summarize("m", values.Where(x => x <= 100).ToArray(), worstIsLargest: true);
        Assert.That(hundred.Es95, Is.EqualTo(98.0));
        Assert.That(hundred.Es99, Is.EqualTo(100.0));
    }

    [Test]
    public void ExpectedShortfall_CountsTiesAtTheBoundaryOnce()
    {
        // 600 values: 590 zeros, 10 ones. k95 = 30 worst (largest) = 10 ones and 20 zeros: 1/3.
        double[] values = [.. Enumerable.Range(0, 600).Select(i => i % 60 == 7 ? 1.0 : 0.0)];
        var (stats, _) = ResultBuilder.Summarize("m", values, worstIsLargest: true);
        Assert.That(stats.Es95, Is.EqualTo(10.0 / 30).Within(1e-15));
        Assert.That(stats.Es99, Is.EqualTo(1.0));
    }

    private static long[] Bits(IEnumerable<double> values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];

    /// <summary>The definition before the sort was removed: everything read off a sorted copy.</summary>
    private static (double[] Quantiles, double Mean, double Es95, double Es99, double[] Edges, long[] Counts) Oracle(
        double[] values, bool worstIsLargest, double tail95, double tail99)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        int n = sorted.Length;
        var q = new double[QuantileLevels.Count];
        for (int l = 0; l < q.Length; l++) q[l] = NumpyQuantile.OfSorted(sorted, QuantileLevels.Values[l]);
        double sum = 0.0;
        foreach (double x in sorted) sum += x;

        double Shortfall(double tail)
        {
            int k = (int)Math.Min(n, Math.Ceiling((tail * n) - 1e-9));
            double s = 0.0;
            for (int i = 0; i < k; i++) s += worstIsLargest ? sorted[n - 1 - i] : sorted[i];
            return s / k;
        }

        double lo = sorted[0], hi = sorted[^1];
        if (hi <= lo) hi = lo + Math.Max(1e-9, Math.Abs(lo) * 1e-9);
        int bins = ResultBuilder.HistogramBins;
        var edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) edges[i] = lo + (hi - lo) * i / bins;
        var counts = new long[bins];
        foreach (double x in sorted) counts[Math.Clamp((int)((x - lo) / (hi - lo) * bins), 0, bins - 1)]++;
        return (q, sum / n, Shortfall(tail95), Shortfall(tail99), edges, counts);
    }
}
