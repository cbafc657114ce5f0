using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MinerSim.Numerics;

namespace MinerSim.Aggregation;

/// <summary>
/// A mergeable quantile sketch with relative accuracy <see cref="RelativeAccuracy"/> (DDSketch,
/// Masson, Rim and Lee, VLDB 2019): |x| falls in bucket i = ceil(log_gamma |x|) with
/// gamma = (1 + a) / (1 - a), kept as integer counts in dense arrays for positive and negative
/// values, plus a count of values with |x| below <see cref="MinMagnitude"/> (reported as 0).
/// Merging adds counts, so a merged sketch is identical whatever the order or split.
/// </summary>
public sealed class LogBucketSketch
{
    /// <summary>Relative accuracy a of every reported quantile (0.5%).</summary>
    public const double RelativeAccuracy = 0.005;

    /// <summary>Magnitudes below this count as zero (far below any metric's resolution).</summary>
    public const double MinMagnitude = 1e-9;

    internal static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double InvLogGamma = 1.0 / Math.Log(Gamma);

    private readonly BucketStore _positive = new();
    private readonly BucketStore _negative = new();

    /// <summary>Values counted as zero.</summary>
    public long ZeroCount { get; private set; }

    /// <summary>Values added.</summary>
    public long Count => ZeroCount + _positive.Total + _negative.Total;

    /// <summary>Adds one value (NaN is ignored: the model produces none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double x)
    {
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
        const int Chunk = 256;
        Span<int> buckets = stackalloc int[Chunk];
        for (int first = 0; first < values.Length; first += Chunk)
        {
            var part = values.Slice(first, Math.Min(Chunk, values.Length - first));
            if (!TryAddPositive(part, buckets)) AddMixed(part, buckets);
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

    /// <summary>Any mix of signs, zeros and NaN, eight values at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddMixed(ReadOnlySpan<double> part, Span<int> buckets)
    {
        ref double start = ref MemoryMarshal.GetReference(part);
        var min = Vector512.Create(MinMagnitude);
        var invLogGamma = Vector512.Create(InvLogGamma);
        int i = 0;
        for (; i + Vector512<double>.Count <= part.Length; i += Vector512<double>.Count)
        {
            var x = Vector512.LoadUnsafe(ref start, (nuint)i);
            uint positive = (uint)Vector512.ExtractMostSignificantBits(Vector512.GreaterThan(x, min));
            uint negative = (uint)Vector512.ExtractMostSignificantBits(Vector512.LessThan(x, -min));
            uint zero = (uint)Vector512.ExtractMostSignificantBits(Vector512.Equals(x, x)) & ~(positive | negative);
            ZeroCount += BitOperations.PopCount(zero);
            if ((positive | negative) == 0) continue;
            Vector512.Narrow(BucketsOf(Vector512.Abs(x), invLogGamma), Vector512<long>.Zero).GetLower().CopyTo(buckets);
            for (; positive != 0; positive &= positive - 1) _positive.Add(buckets[BitOperations.TrailingZeroCount(positive)]);
            for (; negative != 0; negative &= negative - 1) _negative.Add(buckets[BitOperations.TrailingZeroCount(negative)]);
        }

        for (; i < part.Length; i++) Add(part[i]);
    }

    /// <summary>Bucket index of a magnitude above <see cref="MinMagnitude"/>: ceil(ln m / ln gamma).</summary>
    /// <remarks>
    /// The logarithm is <see cref="VectorMath.Log"/> (within 1 ulp), in the scalar and the batched
    /// path alike, so a value lands in the same bucket whichever way it is added; a bucket's edges
    /// move by about 1e-15 relative at most, far inside <see cref="RelativeAccuracy"/>.
    /// </remarks>
    public static int BucketOf(double magnitude) => (int)BucketsOf(Vector512.Create(magnitude), Vector512.Create(InvLogGamma)).ToScalar();

    /// <summary>Bucket indices of eight magnitudes; lanes at or below <see cref="MinMagnitude"/> (or NaN) give 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<long> BucketsOf(Vector512<double> magnitude, Vector512<double> invLogGamma)
    {
        var safe = Vector512.ConditionalSelect(Vector512.GreaterThan(magnitude, Vector512.Create(MinMagnitude)), magnitude, Vector512<double>.One);
        return Vector512.ConvertToInt64(Vector512.Ceiling(VectorMath.Log(safe) * invLogGamma));
    }

    /// <summary>The value a bucket stands for: 2 gamma^i / (gamma + 1), within a of every member.</summary>
    public static double ValueOf(int bucket) => 2.0 * Math.Pow(Gamma, bucket) / (Gamma + 1.0);

    /// <summary>Adds <paramref name="other"/>'s counts into this sketch.</summary>
    public void Merge(LogBucketSketch other)
    {
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
        long rank = (long)Math.Floor(q * (n - 1));
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
