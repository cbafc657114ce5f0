using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MinerSim.Numerics;

namespace MinerSim.Aggregation;

/// <summary>
/// A mergeable quantile sketch with relative accuracy <see cref="RelativeAccuracy"/> (DDSketch,
/// Masson, Rim and Lee, VLDB 2019): |x| falls in bucket i = ceil(L(|x|) M), where L is DDSketch's
/// cubically interpolated logarithm (see <see cref="BucketOf"/>) and M is chosen so that no bucket
/// spans more than a ratio gamma = (1 + a) / (1 - a); counts are kept as integers in dense arrays for
/// positive and negative values, plus a count of values with |x| below <see cref="MinMagnitude"/>
/// (reported as 0). Merging adds counts, so a merged sketch is identical whatever the order or split.
/// </summary>
/// <remarks>
/// <para>The mapping. Write m = 2^e (1 + f) with f in [0, 1) (exponent and mantissa bits of the double),
/// and L(m) = e + P(f) with P(f) = A f^3 + B f^2 + C f, A = 6/35, B = -3/5, C = 10/7 (Masson et al.'s
/// <c>CubicallyInterpolatedMapping</c>). P(0) = 0 and P(1) = 1, so L is continuous across powers of two
/// and equals log2 m there; P'(f) = (54 f^2 - 42 f + 50)/35 &gt; 0, so L is strictly increasing. It costs a
/// shift, a mask and three fused multiply-adds instead of a logarithm (which has a division).</para>
/// <para>The accuracy. dL / d(ln m) = P'(f) (1 + f) =: g(f), and g'(f) = (54 f^2 - 48 f + 8)/35 vanishes at
/// f = 2/9 and f = 2/3, so over [0, 1] g is smallest at f = 0 and f = 2/3, where it is exactly 10/7.
/// Bucket i holds the m with L(m) in ((i - 1)/M, i/M]; with M = 7 / (10 ln gamma) its edges lo &lt; hi satisfy
/// ln(hi / lo) &lt;= (1/M) / (10/7) = ln gamma. <see cref="ValueOf"/> reports v = 2 lo hi / (lo + hi), and for
/// every m in [lo, hi], |m - v| / m &lt;= (hi - lo) / (hi + lo) &lt;= (gamma - 1) / (gamma + 1) = a: the stated
/// relative accuracy holds, with about 1% more buckets than the exact logarithmic mapping (L rises by 1 per
/// octave, ln 2 of ln m, so buckets per unit of ln m average M / ln 2 against 1 / ln gamma: a ratio of 0.7 / ln 2 = 1.0099).
/// Rounding in L (a few ulp) can move a value within about 1e-15 relative of an edge into the
/// neighbouring bucket, which adds at most that much to the bound.</para>
/// </remarks>
public sealed class LogBucketSketch
{
    /// <summary>Relative accuracy a of every reported quantile (0.5%).</summary>
    public const double RelativeAccuracy = 0.005;

    /// <summary>Magnitudes below this count as zero (far below any metric's resolution).</summary>
    public const double MinMagnitude = 1e-9;

    internal static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);

    // M = 7 / (10 ln gamma): buckets per unit of L (see the remarks).
    private static readonly double InvLogGamma = 7.0 / (10.0 * Math.Log(Gamma));

    private const double A = 6.0 / 35.0, B = -3.0 / 5.0, C = 10.0 / 7.0;

    private readonly BucketStore _positive = new();
    private readonly BucketStore _negative = new();

    /// <summary>Values counted as zero.</summary>
    public long ZeroCount { get; private set; }

    /// <summary>
    /// Smallest value added (+infinity when empty). Quantiles are clamped to [<see cref="Min"/>, <see cref="Max"/>]:
    /// a column whose values are all equal (day 0's price) reports that value, not its bucket's midpoint.
    /// Min and max merge exactly, so this keeps results independent of split and order.
    /// </summary>
    public double Min { get; private set; } = double.PositiveInfinity;

    /// <summary>Largest value added (-infinity when empty).</summary>
    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>Values added.</summary>
    public long Count => ZeroCount + _positive.Total + _negative.Total;

    /// <summary>Adds one value (NaN is ignored: the model produces none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double x)
    {
        if (x < Min) Min = x;
        if (x > Max) Max = x;
        if (x > MinMagnitude) _positive.Add(BucketOf(x));
        else if (x < -MinMagnitude) _negative.Add(BucketOf(-x));
        else if (!double.IsNaN(x)) ZeroCount++;
    }

    /// <summary>
    /// Adds every value of <paramref name="values"/>, eight at a time: the same buckets as
    /// <see cref="Add"/> value by value, so the order and split of the inputs never matter.
    /// </summary>
    public void AddBatch(ReadOnlySpan<double> values)
    {
        TrackRange(values);
        const int Chunk = 256;
        Span<int> buckets = stackalloc int[Chunk];
        Span<int> negative = stackalloc int[Chunk];
        for (int first = 0; first < values.Length; first += Chunk)
        {
            var part = values.Slice(first, Math.Min(Chunk, values.Length - first));
            if (!TryAddPositive(part, buckets)) AddMixed(part, buckets, negative);
        }
    }

    /// <summary>
    /// The common case, every value positive: all bucket indices first (vectorized), then one tight
    /// counting loop with the store's range settled once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryAddPositive(ReadOnlySpan<double> part, Span<int> buckets)
    {
        if ((part.Length & (Vector512<double>.Count - 1)) != 0) return false;
        ref double start = ref MemoryMarshal.GetReference(part);
        var min = Vector512.Create(MinMagnitude);
        var invLogGamma = Vector512.Create(InvLogGamma);
        var lo = Vector512.Create(long.MaxValue);
        var hi = Vector512.Create(long.MinValue);
        for (int i = 0; i < part.Length; i += Vector512<double>.Count)
        {
            var x = Vector512.LoadUnsafe(ref start, (nuint)i);
            if (!Vector512.GreaterThanAll(x, min)) return false;
            var index = BucketsOf(x, invLogGamma);
            lo = Vector512.Min(lo, index);
            hi = Vector512.Max(hi, index);
            Vector512.Narrow(index, index).GetLower().CopyTo(buckets[i..]);
        }

        _positive.AddRange(buckets[..part.Length], MinOf(lo), MaxOf(hi));
        return true;
    }

    /// <summary>Updates <see cref="Min"/> and <see cref="Max"/> with a batch, eight values at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TrackRange(ReadOnlySpan<double> values)
    {
        double min = Min, max = Max;
        int i = 0;
        if (values.Length >= Vector512<double>.Count)
        {
            ref double start = ref MemoryMarshal.GetReference(values);
            var lo = Vector512.Create(min);
            var hi = Vector512.Create(max);
            for (; i <= values.Length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var x = Vector512.LoadUnsafe(ref start, (nuint)i);
                lo = Vector512.Min(lo, x);
                hi = Vector512.Max(hi, x);
            }

            for (int l = 0; l < Vector512<double>.Count; l++)
            {
                min = Math.Min(min, lo[l]);
                max = Math.Max(max, hi[l]);
            }
        }

        for (; i < values.Length; i++)
        {
            min = Math.Min(min, values[i]);
            max = Math.Max(max, values[i]);
        }

        Min = min;
        Max = max;
    }

    private static int MinOf(Vector512<long> v)
    {
        long m = long.MaxValue;
        for (int l = 0; l < Vector512<long>.Count; l++) m = Math.Min(m, v[l]);
        return (int)m;
    }

    private static int MaxOf(Vector512<long> v)
    {
        long m = long.MinValue;
        for (int l = 0; l < Vector512<long>.Count; l++) m = Math.Max(m, v[l]);
        return (int)m;
    }

    /// <summary>
    /// Any mix of signs, zeros and NaN, eight values at a time: bucket indices vectorized, each index
    /// written (branch-free) to the positive or the negative list, then one counting pass per sign.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddMixed(ReadOnlySpan<double> part, Span<int> positiveBuckets, Span<int> negativeBuckets)
    {
        ref double start = ref MemoryMarshal.GetReference(part);
        ref int pos = ref MemoryMarshal.GetReference(positiveBuckets);
        ref int neg = ref MemoryMarshal.GetReference(negativeBuckets);
        var min = Vector512.Create(MinMagnitude);
        var invLogGamma = Vector512.Create(InvLogGamma);
        var none = Vector512.Create(long.MaxValue);
        var posLo = none;
        var negLo = none;
        var posHi = -none;
        var negHi = -none;
        int np = 0, nn = 0;
        Span<int> lanes = stackalloc int[Vector512<long>.Count];
        int i = 0;
        for (; i + Vector512<double>.Count <= part.Length; i += Vector512<double>.Count)
        {
            var x = Vector512.LoadUnsafe(ref start, (nuint)i);
            var isPositive = Vector512.GreaterThan(x, min);
            var isNegative = Vector512.LessThan(x, -min);
            uint positive = (uint)Vector512.ExtractMostSignificantBits(isPositive);
            uint negative = (uint)Vector512.ExtractMostSignificantBits(isNegative);
            uint zero = (uint)Vector512.ExtractMostSignificantBits(Vector512.Equals(x, x)) & ~(positive | negative);
            ZeroCount += BitOperations.PopCount(zero);
            if ((positive | negative) == 0) continue;
            var index = BucketsOf(Vector512.Abs(x), invLogGamma);
            posLo = Vector512.Min(posLo, Vector512.ConditionalSelect(isPositive.AsInt64(), index, none));
            posHi = Vector512.Max(posHi, Vector512.ConditionalSelect(isPositive.AsInt64(), index, -none));
            negLo = Vector512.Min(negLo, Vector512.ConditionalSelect(isNegative.AsInt64(), index, none));
            negHi = Vector512.Max(negHi, Vector512.ConditionalSelect(isNegative.AsInt64(), index, -none));
            Vector512.Narrow(index, index).GetLower().CopyTo(lanes);
            for (int l = 0; l < Vector512<long>.Count; l++)
            {
                int b = lanes[l];
                Unsafe.Add(ref pos, np) = b;
                Unsafe.Add(ref neg, nn) = b;
                np += (int)((positive >> l) & 1);
                nn += (int)((negative >> l) & 1);
            }
        }

        if (np > 0) _positive.AddRange(positiveBuckets[..np], MinOf(posLo), MaxOf(posHi));
        if (nn > 0) _negative.AddRange(negativeBuckets[..nn], MinOf(negLo), MaxOf(negHi));
        for (; i < part.Length; i++) Add(part[i]);
    }

    /// <summary>Bucket index of a magnitude above <see cref="MinMagnitude"/>: ceil(L(m) M) (see the class remarks).</summary>
    /// <remarks>
    /// The scalar and the batched path compute the same vector expression, so a value lands in the
    /// same bucket whichever way it is added.
    /// </remarks>
    public static int BucketOf(double magnitude) => (int)BucketsOf(Vector512.Create(magnitude), Vector512.Create(InvLogGamma)).ToScalar();

    /// <summary>Bucket indices of eight magnitudes; lanes at or below <see cref="MinMagnitude"/> (or NaN) give 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<long> BucketsOf(Vector512<double> magnitude, Vector512<double> invLogGamma)
    {
        var safe = Vector512.ConditionalSelect(Vector512.GreaterThan(magnitude, Vector512.Create(MinMagnitude)), magnitude, Vector512<double>.One);
        var bits = safe.AsUInt64();
        // Positive normal doubles: e = biased exponent - 1023, 1 + f = the mantissa with exponent 0.
        var e = Vector512.ConvertToDouble((bits >> 52).AsInt64() - Vector512.Create(1023L));
        var f = ((bits & Vector512.Create(0x000FFFFFFFFFFFFFUL)) | Vector512.Create(0x3FF0000000000000UL)).AsDouble() - Vector512<double>.One;
        var p = VectorMath.Fma(VectorMath.Fma(VectorMath.Fma(f, A, B), f, Vector512.Create(C)), f, e);
        return Vector512.ConvertToInt64(Vector512.Ceiling(p * invLogGamma));
    }

    /// <summary>The value a bucket stands for: 2 lo hi / (lo + hi) of its edges, within a of every member.</summary>
    public static double ValueOf(int bucket)
    {
        double lo = InverseL((bucket - 1) / InvLogGamma), hi = InverseL(bucket / InvLogGamma);
        return 2.0 * lo * hi / (lo + hi);
    }

    /// <summary>The m with L(m) = y: e = floor(y), and P(f) = y - e solved by bisection (P is increasing).</summary>
    private static double InverseL(double y)
    {
        double e = Math.Floor(y), target = y - e, a = 0.0, b = 1.0;
        for (int k = 0; k < 60; k++)
        {
            double mid = 0.5 * (a + b);
            if (((A * mid + B) * mid + C) * mid < target) a = mid;
            else b = mid;
        }

        return Math.ScaleB(1.0 + 0.5 * (a + b), (int)e);
    }

    /// <summary>
    /// Adds <paramref name="zeros"/> values 0 and <paramref name="ones"/> values 1: what <see cref="AddBatch"/>
    /// does with an indicator's lanes, without visiting them (the collector knows the count of ones from the block sum).
    /// </summary>
    public void AddZerosAndOnes(long zeros, long ones)
    {
        if (zeros > 0) SetRange(0.0, 0.0);
        if (ones > 0) SetRange(1.0, 1.0);
        ZeroCount += zeros;
        if (ones > 0) _positive.Add(OneBucket, ones);
    }

    private static readonly int OneBucket = BucketOf(1.0);

    /// <summary>
    /// Asks the cache for the sketch's counts, ahead of an <see cref="AddBatch"/>: a run's sketches are
    /// far larger than the caches, and each is visited once per block. A hint only: no count changes.
    /// </summary>
    public void Prefetch()
    {
        _positive.Prefetch();
        _negative.Prefetch();
    }

    /// <summary>Adds <paramref name="other"/>'s counts into this sketch.</summary>
    public void Merge(LogBucketSketch other)
    {
        SetRange(other.Min, other.Max);
        _positive.Merge(other._positive);
        _negative.Merge(other._negative);
        ZeroCount += other.ZeroCount;
    }

    /// <summary>
    /// Quantile <paramref name="q"/>: the bucket value of the order statistic of rank
    /// floor(q (n - 1)) (0-based), within <see cref="RelativeAccuracy"/> of it.
    /// </summary>
    public double Quantile(double q)
    {
        long n = Count;
        if (n == 0) return double.NaN;
        return Math.Clamp(BucketValue((long)Math.Floor(q * (n - 1))), Min, Max);
    }

    private double BucketValue(long rank)
    {
        if (rank < _negative.Total)
        {
            // Negative values: the most negative has the largest magnitude bucket.
            return -ValueOf(_negative.BucketAtRankFromTop(rank));
        }

        rank -= _negative.Total;
        if (rank < ZeroCount) return 0.0;
        rank -= ZeroCount;
        return ValueOf(_positive.BucketAtRank(rank));
    }

    /// <summary>Widens [<see cref="Min"/>, <see cref="Max"/>] to include [<paramref name="min"/>, <paramref name="max"/>] (merging, deserialization).</summary>
    public void SetRange(double min, double max)
    {
        if (min < Min) Min = min;
        if (max > Max) Max = max;
    }

    /// <summary>Non-empty buckets as (signed index, count), negatives first, for serialization.</summary>
    public IEnumerable<(int Sign, int Bucket, long Count)> Buckets()
    {
        foreach (var (b, c) in _negative.NonEmpty()) yield return (-1, b, c);
        if (ZeroCount > 0) yield return (0, 0, ZeroCount);
        foreach (var (b, c) in _positive.NonEmpty()) yield return (1, b, c);
    }

    /// <summary>Adds <paramref name="count"/> values to a bucket (deserialization).</summary>
    public void AddToBucket(int sign, int bucket, long count)
    {
        if (sign > 0) _positive.Add(bucket, count);
        else if (sign < 0) _negative.Add(bucket, count);
        else ZeroCount += count;
    }
}
