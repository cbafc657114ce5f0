using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using V8Long = System.Runtime.Intrinsics.Vector512<long>;

namespace MinerSim.Aggregation;

/// <summary>
/// A mergeable quantile sketch with relative accuracy <see cref="RelativeAccuracy"/> (DDSketch,
/// Masson, Rim and Lee, VLDB 2019, with a log-linear index mapping): a magnitude |x| falls in the
/// bucket numbered by the top bits of its double, exponent and the first <see cref="MantissaBits"/>
/// mantissa bits (see <see cref="BucketOf"/>); counts are kept as integers in dense arrays for positive
/// and negative values, plus a count of values with |x| below <see cref="MinMagnitude"/> (reported as 0).
/// Merging adds counts, so a merged sketch is identical whatever the order or split.
/// </summary>
/// <remarks>
/// <para>The mapping. A positive double m = 2^e (1 + f), f in [0, 1), has the bits (e + 1023) 2^52 + f 2^52,
/// so shifting them right by 52 - k keeps the biased exponent and the first k = <see cref="MantissaBits"/>
/// bits of f: bucket i = floor(m's bits / 2^(52 - k)). Doubles of one sign are ordered as their bits, so the
/// mapping is monotone and exact (no rounding: one shift), and bucket i is the half-open interval
/// [lo, hi) with lo = 2^e (1 + j / 2^k) and hi = 2^e (1 + (j + 1) / 2^k), both doubles.</para>
/// <para>The accuracy. hi / lo = 1 + 1 / (2^k + j) &lt;= 1 + 2^-k =: gamma. <see cref="ValueOf"/> reports
/// v = 2 lo hi / (lo + hi), and for every m in [lo, hi], |m - v| / m &lt;= (hi - lo) / (hi + lo)
/// &lt;= (gamma - 1) / (gamma + 1) = 1 / (2^(k+1) + 1). With k = 7 that is 1/257 = 0.39 %.</para>
/// <para>Why not a logarithm. DDSketch's logarithmic mapping needs a log per value (or a polynomial in the
/// mantissa, a conversion and a rounding), about twenty vector operations per eight values against one
/// shift here; the price is up to 2 ln 2 / ln(gamma) / (1/0.01) ~ 1.8 times more buckets than a logarithmic
/// mapping of the same accuracy would need (a bucket is narrowest, relative to its value, at the top of an
/// octave), about 128 per octave: a metric spanning a factor of ten over the paths uses about 425.</para>
/// </remarks>
public sealed class LogBucketSketch
{
    /// <summary>Mantissa bits kept in a bucket index: 2^7 = 128 buckets per octave.</summary>
    public const int MantissaBits = 7;

    private const int Shift = 52 - MantissaBits;

    /// <summary>Relative accuracy of every reported quantile: 1 / (2^(k+1) + 1) = 1/257, about 0.39% (see the remarks).</summary>
    public const double RelativeAccuracy = 1.0 / ((2 << MantissaBits) + 1);

    /// <summary>Magnitudes below this count as zero (far below any metric's resolution).</summary>
    public const double MinMagnitude = 1e-9;

    /// <summary>The largest ratio of a bucket's upper to its lower edge, 1 + 2^-k.</summary>
    internal const double Gamma = 1.0 + 1.0 / (1 << MantissaBits);

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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddBatch(ReadOnlySpan<double> values)
    {
        var (min, max) = RangeOf(values);
        if (values.IsEmpty) return;
        if (double.IsNaN(min))
        {
            // A NaN in the batch (the model makes none): min and max skip it as Add does, and the NaN min
            // keeps the batch off the unchecked all-positive path below (NaN > MinMagnitude is false).
            foreach (double x in values)
            {
                if (x < Min) Min = x;
                if (x > Max) Max = x;
            }
        }
        else
        {
            if (min < Min) Min = min;
            if (max > Max) Max = max;
        }

        const int Chunk = 256;
        Span<int> buckets = stackalloc int[Chunk + Vector512<long>.Count];
        if (min > MinMagnitude)
        {
            // The common case, every value positive: the store's range is settled once from the batch's
            // extremes (the mapping is monotone), then per chunk the indices (one shift per eight values)
            // and one tight counting loop.
            _positive.Reserve(BucketOf(min), BucketOf(max));
            for (int first = 0; first < values.Length; first += Chunk)
            {
                var part = values.Slice(first, Math.Min(Chunk, values.Length - first));
                PositiveBuckets(part, buckets);
                _positive.AddReserved(buckets[..part.Length]);
            }

            return;
        }

        Span<int> negative = stackalloc int[Chunk + Vector512<long>.Count];
        for (int first = 0; first < values.Length; first += Chunk)
        {
            AddMixed(values.Slice(first, Math.Min(Chunk, values.Length - first)), buckets, negative);
        }
    }

    /// <summary>The smallest and largest of <paramref name="values"/>, eight at a time; both NaN when a value is NaN (Min and Max propagate it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called for every metric-day of every block: no tier-0 phase
    private static (double Min, double Max) RangeOf(ReadOnlySpan<double> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
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

            min = MinAcross(lo);
            max = MaxAcross(hi);
        }

        for (; i < values.Length; i++)
        {
            min = Math.Min(min, values[i]);
            max = Math.Max(max, values[i]);
        }

        return (min, max);
    }

    private static double MinAcross(Vector512<double> v)
    {
        double m = double.PositiveInfinity;
        for (int l = 0; l < Vector512<double>.Count; l++) m = Math.Min(m, v[l]);
        return m;
    }

    private static double MaxAcross(Vector512<double> v)
    {
        double m = double.NegativeInfinity;
        for (int l = 0; l < Vector512<double>.Count; l++) m = Math.Max(m, v[l]);
        return m;
    }

    /// <summary>Bucket indices of positive values (every value above <see cref="MinMagnitude"/>), eight at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // called for every metric-day of every block: no tier-0 phase
    private static void PositiveBuckets(ReadOnlySpan<double> part, Span<int> buckets)
    {
        ref double start = ref MemoryMarshal.GetReference(part);
        ref int target = ref MemoryMarshal.GetReference(buckets);
        int i = 0;
        for (; i <= part.Length - Vector512<double>.Count; i += Vector512<double>.Count)
        {
            var index = Vector512.ShiftRightLogical(Vector512.LoadUnsafe(ref start, (nuint)i).AsInt64(), Shift);
            Vector512.Narrow(index, index).GetLower().StoreUnsafe(ref target, (nuint)i);
        }

        for (; i < part.Length; i++) Unsafe.Add(ref target, i) = BucketOf(part[i]);
    }

    /// <summary>
    /// Any mix of signs, zeros and NaN, eight values at a time: bucket indices vectorized and packed into the
    /// positive and the negative list (AVX-512 compress; a branch-free lane loop elsewhere), each list's range
    /// reserved once, then one counting pass per sign. The lists need eight ints of slack past the part's length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddMixed(ReadOnlySpan<double> part, Span<int> positiveBuckets, Span<int> negativeBuckets)
    {
        ref double start = ref MemoryMarshal.GetReference(part);
        ref int pos = ref MemoryMarshal.GetReference(positiveBuckets);
        ref int neg = ref MemoryMarshal.GetReference(negativeBuckets);
        var min = Vector512.Create(MinMagnitude);
        var none = Vector512.Create(long.MaxValue);
        V8Long posLo = none, negLo = none, posHi = -none, negHi = -none;
        int np = 0, nn = 0;
        Span<int> lanes = stackalloc int[Vector512<long>.Count];
        int i = 0;
        for (; i + Vector512<double>.Count <= part.Length; i += Vector512<double>.Count)
        {
            var x = Vector512.LoadUnsafe(ref start, (nuint)i);
            var isPositive = Vector512.GreaterThan(x, min).AsInt64();
            var isNegative = Vector512.LessThan(x, -min).AsInt64();
            uint positive = (uint)Vector512.ExtractMostSignificantBits(isPositive);
            uint negative = (uint)Vector512.ExtractMostSignificantBits(isNegative);
            uint zero = (uint)Vector512.ExtractMostSignificantBits(Vector512.Equals(x, x)) & ~(positive | negative);
            ZeroCount += BitOperations.PopCount(zero);
            if ((positive | negative) == 0) continue;
            var index = Vector512.ShiftRightLogical(Vector512.Abs(x).AsInt64(), Shift);
            posLo = Vector512.Min(posLo, Vector512.ConditionalSelect(isPositive, index, none));
            posHi = Vector512.Max(posHi, Vector512.ConditionalSelect(isPositive, index, -none));
            negLo = Vector512.Min(negLo, Vector512.ConditionalSelect(isNegative, index, none));
            negHi = Vector512.Max(negHi, Vector512.ConditionalSelect(isNegative, index, -none));
            if (Avx512F.IsSupported)
            {
                // Register compress (the memory form is microcoded on some cores), then a full store into the slack.
                var p = Avx512F.Compress(V8Long.Zero, isPositive, index);
                var q = Avx512F.Compress(V8Long.Zero, isNegative, index);
                Vector512.Narrow(p, p).GetLower().AsInt32().StoreUnsafe(ref pos, (nuint)np);
                Vector512.Narrow(q, q).GetLower().AsInt32().StoreUnsafe(ref neg, (nuint)nn);
                np += BitOperations.PopCount(positive);
                nn += BitOperations.PopCount(negative);
                continue;
            }

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

        if (np > 0)
        {
            _positive.Reserve((int)MinAcross(posLo), (int)MaxAcross(posHi));
            _positive.AddReserved(positiveBuckets[..np]);
        }

        if (nn > 0)
        {
            _negative.Reserve((int)MinAcross(negLo), (int)MaxAcross(negHi));
            _negative.AddReserved(negativeBuckets[..nn]);
        }

        for (; i < part.Length; i++) AddUntracked(part[i]);
    }

    private static long MinAcross(V8Long v)
    {
        long m = long.MaxValue;
        for (int l = 0; l < V8Long.Count; l++) m = Math.Min(m, v[l]);
        return m;
    }

    private static long MaxAcross(V8Long v)
    {
        long m = long.MinValue;
        for (int l = 0; l < V8Long.Count; l++) m = Math.Max(m, v[l]);
        return m;
    }

    /// <summary><see cref="Add"/> without the min and max, which the batch has already taken.</summary>
    private void AddUntracked(double x)
    {
        if (x > MinMagnitude) _positive.Add(BucketOf(x));
        else if (x < -MinMagnitude) _negative.Add(BucketOf(-x));
        else if (!double.IsNaN(x)) ZeroCount++;
    }

    /// <summary>Bucket index of a magnitude above <see cref="MinMagnitude"/>: its bits shifted right by 52 - k (see the class remarks).</summary>
    /// <remarks>The batched path shifts the same bits, so a value lands in the same bucket whichever way it is added.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int BucketOf(double magnitude) => (int)(BitConverter.DoubleToUInt64Bits(magnitude) >> Shift);

    /// <summary>
    /// For whole-number data (a count of days): the one whole number in <paramref name="value"/>'s bucket when the
    /// bucket holds exactly one, which is then the value of every member, so the report is exact; otherwise
    /// <paramref name="value"/> itself. Below 256 every bucket is at most 1 wide and holds one whole number at most,
    /// so counts below 256 come out whole.
    /// </summary>
    public static double WholeNumberOf(double value)
    {
        double magnitude = Math.Abs(value);
        if (!(magnitude > MinMagnitude) || double.IsInfinity(magnitude)) return value;
        int bucket = BucketOf(magnitude);
        double lo = LowerEdge(bucket), hi = LowerEdge(bucket + 1);
        double first = Math.Ceiling(lo);
        return first < hi && first + 1 >= hi ? Math.CopySign(first, value) : value;
    }

    /// <summary>The smallest magnitude in <paramref name="bucket"/> (the next bucket's is its exclusive upper edge).</summary>
    internal static double LowerEdge(int bucket) => BitConverter.UInt64BitsToDouble((ulong)bucket << Shift);

    /// <summary>The value a bucket stands for: 2 lo hi / (lo + hi) of its edges, within <see cref="RelativeAccuracy"/> of every member.</summary>
    public static double ValueOf(int bucket)
    {
        // 2 lo hi / (lo + hi) = lo 2r / (1 + r) with r = hi / lo <= 1 + 2^-k: no overflow for large buckets; the top
        // bucket's upper edge, 2^1024, is not a double, but its ratio to lo is 256/255.
        double lo = LowerEdge(bucket), hi = LowerEdge(bucket + 1);
        double r = double.IsInfinity(hi) ? 256.0 / 255.0 : hi / lo;
        return lo * (2.0 * r / (1.0 + r));
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

    /// <summary>Empties the sketch, keeping its bucket arrays (a reused worker sketch): as new for every result.</summary>
    public void Clear()
    {
        _positive.Clear();
        _negative.Clear();
        ZeroCount = 0;
        Min = double.PositiveInfinity;
        Max = double.NegativeInfinity;
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

    /// <summary>
    /// Every non-empty bucket as (value, count) in ascending order of value: negatives, the zero count, positives.
    /// The value is the bucket's <see cref="ValueOf"/> (0 for the zero count) clamped to [<see cref="Min"/>, <see cref="Max"/>],
    /// within <see cref="RelativeAccuracy"/> of every member's value (clamping can only bring it closer, every
    /// member lying in the range), and exactly the value of a column whose values are all equal.
    /// </summary>
    public List<(double Value, long Count)> ValuedBuckets()
    {
        var list = new List<(double, long)>();
        foreach (var (b, c) in _negative.NonEmpty().Reverse()) list.Add((Math.Clamp(-ValueOf(b), Min, Max), c));
        if (ZeroCount > 0) list.Add((Math.Clamp(0.0, Min, Max), ZeroCount));
        foreach (var (b, c) in _positive.NonEmpty()) list.Add((Math.Clamp(ValueOf(b), Min, Max), c));
        return list;
    }

    /// <summary>
    /// The mean of the <paramref name="k"/> largest values (<paramref name="largest"/>) or smallest: an expected
    /// shortfall. The buckets are taken from that end with their <see cref="ValuedBuckets"/> values, the last one
    /// in part; NaN for k = 0.
    /// </summary>
    /// <remarks>
    /// Accuracy. Buckets are ordered as the values they hold, so the k values taken are, bucket for bucket, the k
    /// most extreme values T (which of the boundary bucket's members does not matter: they share a value), and each
    /// x in T is replaced by a v with |v - x| &lt;= <see cref="RelativeAccuracy"/> |x| (or |x| &lt;= <see cref="MinMagnitude"/>,
    /// counted as 0). So |reported - exact| &lt;= RelativeAccuracy mean over T of |x|, plus MinMagnitude: within
    /// RelativeAccuracy of the exact value when the k values have one sign, and within RelativeAccuracy times the
    /// mean magnitude of the tail otherwise (a tail mean near zero from cancelling signs has no relative bound).
    /// The sum runs over the buckets in a fixed order, so the result depends only on the counts: the same for any
    /// merge order or split.
    /// </remarks>
    public double TailMean(long k, bool largest)
    {
        if (k < 0 || k > Count) throw new ArgumentOutOfRangeException(nameof(k), k, $"the sketch holds {Count} values");
        if (k == 0) return double.NaN;
        var buckets = ValuedBuckets();
        double sum = 0.0;
        long left = k;
        for (int j = 0; j < buckets.Count && left > 0; j++)
        {
            var (value, count) = buckets[largest ? buckets.Count - 1 - j : j];
            long take = Math.Min(left, count);
            sum += take * value;
            left -= take;
        }

        return sum / k;
    }

    /// <summary>Widens [<see cref="Min"/>, <see cref="Max"/>] to include [<paramref name="min"/>, <paramref name="max"/>] (merging, deserialization).</summary>
    public void SetRange(double min, double max)
    {
        if (min < Min) Min = min;
        if (max > Max) Max = max;
    }

    /// <summary>Number of entries <see cref="Buckets"/> yields (counted without allocating: a checkpoint visits every sketch).</summary>
    public int BucketCount => _negative.NonEmptyCount() + (ZeroCount > 0 ? 1 : 0) + _positive.NonEmptyCount();

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
