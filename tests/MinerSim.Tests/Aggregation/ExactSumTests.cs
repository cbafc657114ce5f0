using System.Numerics;
using MinerSim.Aggregation;

namespace MinerSim.Tests.Aggregation;

/// <summary>
/// <see cref="ExactSum"/> against its promise: the state depends only on the multiset of terms (any order,
/// any split and merge), and the rounded sum is the exact rational sum (a <see cref="BigInteger"/> in units
/// of 2^-1074) correctly rounded to nearest, ties to even.
/// </summary>
public sealed class ExactSumTests
{
    /// <summary>Terms of every kind: ordinary, huge, tiny, subnormal, random bit patterns, exactly and nearly cancelling pairs.</summary>
    private static List<double> Terms(int seed, int n, double maxMagnitude = 1e300)
    {
        var rng = new System.Random(seed);
        var terms = new List<double>();
        while (terms.Count < n)
        {
            double sign = rng.Next(2) == 0 ? -1 : 1;
            switch (rng.Next(8))
            {
                case 0: terms.Add(sign * rng.NextDouble() * 1000); break;
                case 1: terms.Add(sign * maxMagnitude * rng.NextDouble()); break;
                case 2: terms.Add(sign * 1e-300 * rng.NextDouble()); break;
                case 3: terms.Add(sign * double.Epsilon * rng.Next(1, 1 << 20)); break;
                case 4:
                    double x = BitConverter.Int64BitsToDouble(rng.NextInt64(0, 0x7FEFFFFFFFFFFFFF));
                    terms.Add(sign * Math.Min(x, maxMagnitude));
                    break;
                case 5:
                    double y = Math.Exp(rng.NextDouble() * 100) * rng.NextDouble();
                    terms.Add(y);
                    terms.Add(-y);
                    break;
                case 6:
                    double z = rng.NextDouble() * 1e20;
                    terms.Add(z);
                    terms.Add(-Math.BitIncrement(z));
                    break;
                default: terms.Add(sign * Math.Pow(2, rng.Next(-1074, 1000))); break;
            }
        }

        return terms;
    }

    private static ExactSum SumOf(IEnumerable<double> terms)
    {
        var sum = new ExactSum(1);
        foreach (double x in terms) sum.Add(0, x);
        return sum;
    }

    private static long[] Limbs(ExactSum sum)
    {
        sum.Normalize();
        return sum.LimbsOf(0).ToArray();
    }

    /// <summary>A finite double as an integer in units of 2^-1074.</summary>
    private static BigInteger Scaled(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int biased = (int)((bits >> 52) & 0x7FF);
        long m = bits & ((1L << 52) - 1);
        int shift = 0;
        if (biased != 0)
        {
            m |= 1L << 52;
            shift = biased - 1;
        }

        var v = new BigInteger(m) << shift;
        return bits < 0 ? -v : v;
    }

    /// <summary>Asserts <paramref name="rounded"/> is the double nearest to <paramref name="exact"/> (units of 2^-1074), ties to even.</summary>
    private static void AssertCorrectlyRounded(BigInteger exact, double rounded, string label)
    {
        Assert.That(double.IsFinite(rounded), label + ": finite");
        var error = BigInteger.Abs(exact - Scaled(rounded));
        foreach (double neighbour in new[] { Math.BitIncrement(rounded), Math.BitDecrement(rounded) })
        {
            if (!double.IsFinite(neighbour)) continue;
            var other = BigInteger.Abs(exact - Scaled(neighbour));
            Assert.That(error, Is.LessThanOrEqualTo(other), $"{label}: {neighbour:R} is nearer than {rounded:R}");
            if (error == other) Assert.That(BitConverter.DoubleToInt64Bits(rounded) & 1, Is.EqualTo(0), $"{label}: a tie goes to the even mantissa");
        }
    }

    [TestCase(1, 10)]
    [TestCase(2, 1000)]
    [TestCase(3, 20_000)]
    public void Sum_IsTheSame_InAnyOrder(int seed, int n)
    {
        var terms = Terms(seed, n);
        var reference = SumOf(terms);
        long[] limbs = Limbs(reference);
        double rounded = reference.Round(0);
        var rng = new System.Random(seed + 100);
        for (int trial = 0; trial < 5; trial++)
        {
            var shuffled = terms.OrderBy(_ => rng.Next()).ToList();
            var sum = SumOf(shuffled);
            Assert.That(BitConverter.DoubleToInt64Bits(sum.Round(0)), Is.EqualTo(BitConverter.DoubleToInt64Bits(rounded)), $"trial {trial}: rounded bits");
            Assert.That(Limbs(sum), Is.EqualTo(limbs), $"trial {trial}: state");
        }

        // Sorted ascending, sorted by magnitude and reversed: the orders a float sum is most sensitive to.
        foreach (var order in new[] { terms.Order(), terms.OrderBy(Math.Abs), Enumerable.Reverse(terms) })
        {
            Assert.That(BitConverter.DoubleToInt64Bits(SumOf(order).Round(0)), Is.EqualTo(BitConverter.DoubleToInt64Bits(rounded)));
        }
    }

    [TestCase(11, 1)]
    [TestCase(12, 2)]
    [TestCase(13, 50)]
    [TestCase(14, 5000)]
    public void Round_IsTheExactSumCorrectlyRounded(int seed, int n)
    {
        for (int trial = 0; trial < 20; trial++)
        {
            var terms = Terms((seed * 1000) + trial, n);
            var exact = terms.Aggregate(BigInteger.Zero, (s, x) => s + Scaled(x));
            AssertCorrectlyRounded(exact, SumOf(terms).Round(0), $"trial {trial}");
        }
    }

    [Test]
    public void Round_HandlesTiesSubnormalsAndCancellation()
    {
        // 1 + 2^-53 is a tie between 1 and 1 + 2^-52: to even, 1. 1 + 3 2^-53 ties up to 1 + 2^-51.
        Assert.That(SumOf([1.0, Math.Pow(2, -53)]).Round(0), Is.EqualTo(1.0));
        Assert.That(SumOf([1.0, Math.Pow(2, -53), Math.Pow(2, -52)]).Round(0), Is.EqualTo(1.0 + Math.Pow(2, -51)));
        // Just above the tie rounds up, however small the excess.
        Assert.That(SumOf([1.0, Math.Pow(2, -53), double.Epsilon]).Round(0), Is.EqualTo(Math.BitIncrement(1.0)));
        // Subnormals add exactly, into the normal range too.
        Assert.That(SumOf([double.Epsilon, double.Epsilon, double.Epsilon]).Round(0), Is.EqualTo(3 * double.Epsilon));
        double largestSubnormal = BitConverter.Int64BitsToDouble((1L << 52) - 1);
        Assert.That(SumOf([largestSubnormal, double.Epsilon]).Round(0), Is.EqualTo(Math.Pow(2, -1022)));
        // What float sums get wrong in one order or the other.
        Assert.That(SumOf([1e308, 1.0, -1e308]).Round(0), Is.EqualTo(1.0));
        Assert.That(SumOf([double.MaxValue, double.MaxValue, -double.MaxValue]).Round(0), Is.EqualTo(double.MaxValue));
        Assert.That(SumOf([1e-300, 1e300, -1e300]).Round(0), Is.EqualTo(1e-300));
        // Signs and zero.
        Assert.That(SumOf([-2.5, 0.5]).Round(0), Is.EqualTo(-2.0));
        Assert.That(BitConverter.DoubleToInt64Bits(SumOf([3.0, -3.0]).Round(0)), Is.EqualTo(0L), "an exact zero is +0");
        Assert.That(BitConverter.DoubleToInt64Bits(SumOf([-0.0]).Round(0)), Is.EqualTo(0L));
        Assert.That(new ExactSum(3).Round(2), Is.EqualTo(0.0));
    }

    [Test]
    public void Round_OverflowsToInfinity_AsIeeeRounding()
    {
        Assert.That(SumOf([double.MaxValue, double.MaxValue]).Round(0), Is.EqualTo(double.PositiveInfinity));
        Assert.That(SumOf([-double.MaxValue, -double.MaxValue]).Round(0), Is.EqualTo(double.NegativeInfinity));
        // Half an ulp above the largest double is a tie with 2^1024 (odd mantissa): infinity; less stays finite.
        double halfUlp = Math.Pow(2, 970);
        Assert.That(SumOf([double.MaxValue, halfUlp]).Round(0), Is.EqualTo(double.PositiveInfinity));
        Assert.That(SumOf([double.MaxValue, Math.BitDecrement(halfUlp)]).Round(0), Is.EqualTo(double.MaxValue));
        // Far more than any double, and back.
        var sum = new ExactSum(1);
        for (int i = 0; i < 100_000; i++) sum.Add(0, double.MaxValue);
        for (int i = 0; i < 100_000; i++) sum.Add(0, -double.MaxValue);
        sum.Add(0, 0.25);
        Assert.That(sum.Round(0), Is.EqualTo(0.25));
    }

    [Test]
    public void NonFiniteTerms_GiveWhatAFloatSumGives()
    {
        Assert.That(SumOf([1.0, double.NaN, 2.0]).Round(0), Is.NaN);
        Assert.That(SumOf([1.0, double.PositiveInfinity]).Round(0), Is.EqualTo(double.PositiveInfinity));
        Assert.That(SumOf([double.NegativeInfinity, 1e308, 1e308]).Round(0), Is.EqualTo(double.NegativeInfinity));
        Assert.That(SumOf([double.PositiveInfinity, double.NegativeInfinity]).Round(0), Is.NaN);
        var a = SumOf([double.PositiveInfinity]);
        a.Add(SumOf([double.NegativeInfinity]));
        Assert.That(a.Round(0), Is.NaN, "flags merge");
    }

    [TestCase(21)]
    [TestCase(22)]
    public void Merge_EqualsTheSumOfTheConcatenation(int seed)
    {
        var terms = Terms(seed, 3000);
        var whole = SumOf(terms);
        var rng = new System.Random(seed);
        int cut1 = rng.Next(terms.Count), cut2 = rng.Next(cut1, terms.Count);
        var parts = new[] { terms[..cut1], terms[cut1..cut2], terms[cut2..] };
        foreach (var order in new[] { new[] { 0, 1, 2 }, [2, 0, 1], [1, 2, 0] })
        {
            var merged = new ExactSum(1);
            foreach (int p in order) merged.Add(SumOf(parts[p]));
            Assert.That(Limbs(merged), Is.EqualTo(Limbs(whole)));
            Assert.That(BitConverter.DoubleToInt64Bits(merged.Round(0)), Is.EqualTo(BitConverter.DoubleToInt64Bits(whole.Round(0))));
        }

        // A merge into a sum that already holds terms, then more terms: still the concatenation.
        var running = SumOf(parts[1]);
        running.Add(SumOf(parts[0]));
        foreach (double x in parts[2]) running.Add(0, x);
        Assert.That(Limbs(running), Is.EqualTo(Limbs(whole)));
    }

    [Test]
    public void Cells_AreIndependent_AndStoredLimbsAddBack()
    {
        var terms = Terms(31, 500);
        var sum = new ExactSum(3);
        foreach (double x in terms)
        {
            sum.Add(0, x);
            sum.Add(2, -x);
        }

        Assert.That(sum.Round(1), Is.EqualTo(0.0));
        Assert.That(sum.Round(2), Is.EqualTo(-sum.Round(0)));

        // The serializer's path: the non-zero limbs of the normal form, added into a fresh sum.
        sum.Normalize();
        var copy = new ExactSum(3);
        for (int c = 0; c < 3; c++)
        {
            var limbs = sum.LimbsOf(c);
            int first = 0, end = limbs.Length;
            while (first < end && limbs[first] == 0) first++;
            while (end > first && limbs[end - 1] == 0) end--;
            copy.AddStored(c, first, limbs[first..end], sum.FlagsOf(c));
        }

        copy.Normalize();
        for (int c = 0; c < 3; c++) Assert.That(copy.LimbsOf(c).ToArray(), Is.EqualTo(sum.LimbsOf(c).ToArray()), $"cell {c}");
        sum.Clear();
        Assert.That(sum.Round(0), Is.EqualTo(0.0));
    }
}
