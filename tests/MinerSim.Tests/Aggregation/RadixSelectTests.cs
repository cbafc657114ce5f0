using MinerSim.Aggregation;
using MinerSim.Random;

namespace MinerSim.Tests.Aggregation;

/// <summary>Exact levels by radix selection equal numpy's interpolation on a fully sorted copy, bit for bit.</summary>
public sealed class RadixSelectTests
{
    private static IEnumerable<TestCaseData> Columns()
    {
        var rng = new PathStream(77, 0);
        double Normal() => Gaussian.NextPair(ref rng).Z0;
        yield return new TestCaseData("lognormal prices", Enumerable.Range(0, 20_000).Select(_ => 90_000 * Math.Exp(0.6 * Normal())).ToArray());
        yield return new TestCaseData("mixed sign", Enumerable.Range(0, 20_001).Select(_ => 3000 * Normal() + 1000).ToArray());
        yield return new TestCaseData("zeros and ones", Enumerable.Range(0, 5000).Select(i => i % 7 == 0 ? 1.0 : 0.0).ToArray());
        yield return new TestCaseData("all equal", Enumerable.Repeat(42.5, 3000).ToArray());
        yield return new TestCaseData("one far outlier", Enumerable.Range(0, 4000).Select(i => i == 17 ? 1e300 : 1.0 + 1e-12 * i).ToArray());
        yield return new TestCaseData("few distinct", Enumerable.Range(0, 9999).Select(i => (double)(i * 7919 % 13)).ToArray());
        yield return new TestCaseData("heavy tails", Enumerable.Range(0, 8000).Select(_ => Math.Exp(20 * Normal()) * Math.Sign(Normal())).ToArray());
    }

    private static readonly int[] Lengths = [512, 513, 4097, 20_000, 50_000];

    /// <summary>
    /// Every shape at lengths from <see cref="RadixSelect.MinLength"/> up, so every bucket width
    /// (9 to 14 bits) meets ties, ranks answered at either end of the range, and buckets large
    /// enough to be selected by a second radix step.
    /// </summary>
    private static IEnumerable<TestCaseData> Shapes()
    {
        foreach (int n in Lengths)
        {
            var rng = new PathStream(5, n);
            double Normal() => Gaussian.NextPair(ref rng).Z0;
            yield return Shape("mixed sign", n, _ => (3000 * Normal()) + 1000);
            yield return Shape("negative", n, _ => -100 * Math.Exp(Normal()));
            yield return Shape("rounded ties", n, _ => Math.Round(rng.NextOpen() * 50) - 20);
            yield return Shape("all equal", n, _ => -7.25);
            yield return Shape("floor at zero", n, _ => Math.Max(0.0, Normal()));
            yield return Shape("cap at one", n, _ => Math.Min(1.0, Math.Exp(0.3 * Normal())));
            yield return Shape("inner point mass", n, _ => rng.NextOpen() < 0.4 ? 5.0 : 10 * rng.NextOpen());
            yield return Shape("near ties and an outlier", n, i => i == n / 3 ? -1e300 : 1.0 + (1e-12 * (i % 97)));
        }
    }

    private static TestCaseData Shape(string name, int n, Func<int, double> value)
    {
        var column = new double[n];
        for (int i = 0; i < n; i++) column[i] = value(i);
        return new TestCaseData($"{name}, n = {n}", column).SetArgDisplayNames($"{name}, n = {n}");
    }

    [TestCaseSource(nameof(Columns))]
    [TestCaseSource(nameof(Shapes))]
    public void Levels_EqualSortedInterpolation(string name, double[] column)
    {
        var sorted = (double[])column.Clone();
        Array.Sort(sorted);
        var expected = new double[QuantileLevels.Count];
        for (int l = 0; l < expected.Length; l++) expected[l] = NumpyQuantile.OfSorted(sorted, QuantileLevels.Values[l]);

        var result = new double[QuantileLevels.Count];
        NumpyQuantile.Levels((double[])column.Clone(), result);
        Assert.That(result, Is.EqualTo(expected), name);

        NumpyQuantile.LevelsBySelection((double[])column.Clone(), result);
        Assert.That(result, Is.EqualTo(expected), name + " (selection)");
    }

    [TestCaseSource(nameof(Columns))]
    [TestCaseSource(nameof(Shapes))]
    public void Ranks_EqualSortedValues(string name, double[] column)
    {
        var sorted = (double[])column.Clone();
        Array.Sort(sorted);
        int n = column.Length;
        // Unsorted, repeated, at both ends and next to each other (so sharing buckets).
        int[] ranks = [n - 1, 0, n / 2, n / 2, n / 2 + 1, 1, n - 2, n / 20, n - n / 100, 3 * n / 7];
        var order = new double[ranks.Length];
        var copy = (double[])column.Clone();
        RadixSelect.Ranks(column, ranks, order);
        Assert.That(column, Is.EqualTo(copy), name + ": input left as it was");
        for (int j = 0; j < ranks.Length; j++)
        {
            Assert.That(BitConverter.DoubleToInt64Bits(order[j]), Is.EqualTo(BitConverter.DoubleToInt64Bits(sorted[ranks[j]])), $"{name}: rank {ranks[j]}");
        }
    }
}
