using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MinerSim.Aggregation;

/// <summary>
/// Exact order statistics by radix steps: map each double to an order-preserving 64-bit key,
/// histogram the top bits of key - min key (about log2 n of them), locate the bucket of every
/// wanted rank from the counts, gather only those buckets' values and select within them. A few
/// linear passes, the key arithmetic by vector, instead of repeated quickselect over the whole
/// column; the result is exact, so it does not depend on how the values are distributed. A
/// gathered bucket too large for plain selection (a column of both signs spans so many binary
/// exponents that its buckets are coarse) goes through the same steps over its own, much narrower
/// key range.
/// </summary>
internal static class RadixSelect
{
    /// <summary>Below this length plain selection is as fast.</summary>
    public const int MinLength = 512;

    /// <summary>Most ranks one call selects (their bookkeeping lives on the stack).</summary>
    public const int MaxRanks = 32;

    /// <summary>
    /// Most bits of a bucket number. A call on n values uses floor(log2 n) bits (9 at
    /// <see cref="MinLength"/>), one or two values a bucket: fewer would gather and select more
    /// values, more would cost more to clear and to sum than they save. The cap keeps the counts
    /// (<see cref="Tables"/> x 2^14 ints, 128 KB) in the L2 cache.
    /// </summary>
    private const int MaxBits = 14;

    /// <summary>Interleaved histograms: runs of equal keys do not chain increments of one counter.</summary>
    private const int Tables = 2;

    /// <summary>Buckets summed per step when locating ranks: one vector of counts.</summary>
    private const int Chunk = 16;

    /// <summary>Values per step of the vector passes: four vectors of keys narrow to one vector of bucket numbers.</summary>
    private const int Stride = 32;

    private const ulong SignBit = 0x8000000000000000UL;

    /// <summary>The seven levels of <paramref name="values"/> (at least <see cref="MinLength"/> of them), which are only read.</summary>
    public static void Levels(ReadOnlySpan<double> values, Span<double> result)
    {
        Span<int> ranks = stackalloc int[NumpyQuantile.LevelRankCount];
        NumpyQuantile.LevelRanks(values.Length, ranks);
        Span<double> order = stackalloc double[ranks.Length];
        Ranks(values, ranks, order);
        NumpyQuantile.LevelsOfOrder(values.Length, order, result);
    }

    /// <summary>
    /// The order statistics <paramref name="order"/>[j] = the value of 0-based ascending rank
    /// <paramref name="ranks"/>[j] among <paramref name="values"/> (at least <see cref="MinLength"/>
    /// of them, only read). Ranks may come in any order and repeat; asking for several at once
    /// costs the same passes as asking for one, so callers batch everything they need.
    /// </summary>
    public static void Ranks(ReadOnlySpan<double> values, ReadOnlySpan<int> ranks, Span<double> order)
    {
        int n = values.Length;
        if (n < MinLength) throw new ArgumentException($"radix selection needs at least {MinLength} values", nameof(values));
        if (ranks.Length > MaxRanks) throw new ArgumentException($"at most {MaxRanks} ranks per call", nameof(ranks));
        foreach (int r in ranks)
        {
            if ((uint)r >= (uint)n) throw new ArgumentOutOfRangeException(nameof(ranks), r, "rank outside the values");
        }

        Select(values, ranks, order);
    }

    /// <summary>
    /// <see cref="Ranks"/> without the checks; calls itself on gathered buckets of at least
    /// <see cref="MinLength"/> values. A bucket spans 2^shift keys where the whole range spans
    /// under 2^(shift + bits), so each call narrows the range by 9 bits or more and the calls
    /// end within 8 levels (at a range of one key, all values equal, at the latest).
    /// </summary>
    private static void Select(ReadOnlySpan<double> values, ReadOnlySpan<int> ranks, Span<double> order)
    {
        int n = values.Length;
        (ulong min, ulong max) = KeyRange(values);
        if (min == max)
        {
            order[..ranks.Length].Fill(values[0]);
            return;
        }

        int bits = Math.Min(BitOperations.Log2((uint)n), MaxBits);
        int shift = Math.Max(0, 64 - BitOperations.LeadingZeroCount(max - min) - bits);
        int[] counts = ArrayPool<int>.Shared.Rent(Tables << bits);
        ushort[] bucketOf = ArrayPool<ushort>.Shared.Rent(n);
        double[]? gathered = null;
        try
        {
            // Values exactly at either end of the range answer their ranks outright (indicators,
            // floors and caps put whole ranks there), without gathering their buckets.
            (int atMin, int atMax) = Bucketize(values, min, max, shift, bucketOf);
            Span<int> chunkBelow = stackalloc int[(1 << bits) / Chunk];
            Count(bucketOf.AsSpan(0, n), counts, chunkBelow);

            // The bucket of every other rank, numbered as one of a few groups (ranks often share one).
            Span<int> group = stackalloc int[ranks.Length];
            Span<ushort> groupBucket = stackalloc ushort[ranks.Length];
            Span<int> groupBelow = stackalloc int[ranks.Length];
            Span<int> offset = stackalloc int[ranks.Length + 1];
            // The second table is free once counted: it maps a wanted bucket to its group.
            var slot = counts.AsSpan(1 << bits, 1 << bits);
            int groups = 0;
            for (int j = 0; j < ranks.Length; j++)
            {
                group[j] = -1;
                if (ranks[j] < atMin) order[j] = FromKey(min);
                else if (ranks[j] >= n - atMax) order[j] = FromKey(max);
                else
                {
                    int b = BucketOfRank(counts, chunkBelow, ranks[j], out int below);
                    int g = groupBucket[..groups].IndexOf((ushort)b);
                    if (g < 0)
                    {
                        g = groups++;
                        groupBucket[g] = (ushort)b;
                        groupBelow[g] = below;
                        offset[groups] = offset[g] + counts[b];
                        slot[b] = g;
                    }

                    group[j] = g;
                }
            }

            if (groups == 0) return;
            gathered = ArrayPool<double>.Shared.Rent(offset[groups]);
            Gather(values, bucketOf, groupBucket[..groups], slot, offset, gathered);

            // Within each bucket: the same steps again when it is large, else Hoare selection
            // (each selection leaves a permutation of the bucket, so the next one is exact too).
            Span<int> local = stackalloc int[ranks.Length];
            Span<double> localOrder = stackalloc double[ranks.Length];
            for (int g = 0; g < groups; g++)
            {
                var part = gathered.AsSpan(offset[g], offset[g + 1] - offset[g]);
                int count = 0;
                for (int j = 0; j < ranks.Length; j++)
                {
                    if (group[j] == g) local[count++] = ranks[j] - groupBelow[g];
                }

                if (part.Length >= MinLength) Select(part, local[..count], localOrder);
                else
                {
                    for (int c = 0; c < count; c++)
                    {
                        NumpyQuantile.Select(part, local[c]);
                        localOrder[c] = part[local[c]];
                    }
                }

                for (int j = 0, c = 0; j < ranks.Length; j++)
                {
                    if (group[j] == g) order[j] = localOrder[c++];
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
            ArrayPool<ushort>.Shared.Return(bucketOf);
            if (gathered is not null) ArrayPool<double>.Shared.Return(gathered);
        }
    }

    /// <summary>Pass 1: the smallest and the largest key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (ulong Min, ulong Max) KeyRange(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        ref double start = ref MemoryMarshal.GetReference(values);
        var vmin = Vector512.Create(ulong.MaxValue);
        var vmax = Vector512<ulong>.Zero;
        int i = 0;
        for (; i + 8 <= n; i += 8)
        {
            var k = Key(Vector512.LoadUnsafe(ref start, (nuint)i));
            vmin = Vector512.Min(vmin, k);
            vmax = Vector512.Max(vmax, k);
        }

        ulong min = ulong.MaxValue, max = 0;
        for (int l = 0; l < 8; l++)
        {
            min = Math.Min(min, vmin[l]);
            max = Math.Max(max, vmax[l]);
        }

        for (; i < n; i++)
        {
            ulong k = Key(values[i]);
            min = Math.Min(min, k);
            max = Math.Max(max, k);
        }

        return (min, max);
    }

    /// <summary>
    /// Pass 2, by vector: every value's bucket, kept for the gathering pass, and how many values
    /// sit exactly at the smallest and at the largest key.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int AtMin, int AtMax) Bucketize(ReadOnlySpan<double> values, ulong min, ulong max, int shift, ushort[] bucketOf)
    {
        int n = values.Length;
        ref double start = ref MemoryMarshal.GetReference(values);
        ref ushort bucket = ref MemoryMarshal.GetArrayDataReference(bucketOf);
        var low = Vector512.Create(min);
        var top = Vector512.Create(max - min);
        var atMin = Vector512<ulong>.Zero;
        var atMax = Vector512<ulong>.Zero;
        int i = 0;
        for (; i + Stride <= n; i += Stride)
        {
            var d0 = Key(Vector512.LoadUnsafe(ref start, (nuint)i)) - low;
            var d1 = Key(Vector512.LoadUnsafe(ref start, (nuint)(i + 8))) - low;
            var d2 = Key(Vector512.LoadUnsafe(ref start, (nuint)(i + 16))) - low;
            var d3 = Key(Vector512.LoadUnsafe(ref start, (nuint)(i + 24))) - low;

            // A lane that matches is all ones, which is minus one.
            atMin -= Vector512.Equals(d0, Vector512<ulong>.Zero) + Vector512.Equals(d1, Vector512<ulong>.Zero)
                + Vector512.Equals(d2, Vector512<ulong>.Zero) + Vector512.Equals(d3, Vector512<ulong>.Zero);
            atMax -= Vector512.Equals(d0, top) + Vector512.Equals(d1, top) + Vector512.Equals(d2, top) + Vector512.Equals(d3, top);
            Vector512.Narrow(
                Vector512.Narrow(Vector512.ShiftRightLogical(d0, shift), Vector512.ShiftRightLogical(d1, shift)),
                Vector512.Narrow(Vector512.ShiftRightLogical(d2, shift), Vector512.ShiftRightLogical(d3, shift)))
                .StoreUnsafe(ref bucket, (nuint)i);
        }

        int lowCount = (int)Vector512.Sum(atMin), highCount = (int)Vector512.Sum(atMax);
        for (; i < n; i++)
        {
            ulong d = Key(values[i]) - min;
            if (d == 0) lowCount++;
            if (d == max - min) highCount++;
            bucketOf[i] = (ushort)(d >> shift);
        }

        return (lowCount, highCount);
    }

    /// <summary>
    /// The count of every bucket, in <see cref="Tables"/> interleaved tables summed into the first
    /// one of <paramref name="counts"/>, and per chunk of <see cref="Chunk"/> buckets the number of
    /// values in lower chunks: ranks are then located by chunk and within one chunk, without a
    /// prefix sum over every bucket.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Count(ReadOnlySpan<ushort> bucketOf, int[] counts, Span<int> chunkBelow)
    {
        int buckets = chunkBelow.Length * Chunk;
        Array.Clear(counts, 0, Tables * buckets);
        ref int table = ref MemoryMarshal.GetArrayDataReference(counts);
        ref ushort bucket = ref MemoryMarshal.GetReference(bucketOf);
        int n = bucketOf.Length, i = 0;
        for (; i + Tables <= n; i += Tables)
        {
            Unsafe.Add(ref table, Unsafe.Add(ref bucket, i))++;
            Unsafe.Add(ref table, buckets + Unsafe.Add(ref bucket, i + 1))++;
        }

        for (; i < n; i++) counts[bucketOf[i]]++;

        int below = 0;
        for (int c = 0; c < chunkBelow.Length; c++)
        {
            nuint b = (nuint)(c * Chunk);
            var sum = Vector512.LoadUnsafe(ref table, b) + Vector512.LoadUnsafe(ref table, b + (nuint)buckets);
            sum.StoreUnsafe(ref table, b);
            chunkBelow[c] = below;
            below += Vector512.Sum(sum);
        }
    }

    /// <summary>The bucket whose values hold rank <paramref name="rank"/>, and how many values lie in lower buckets.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int BucketOfRank(int[] counts, ReadOnlySpan<int> chunkBelow, int rank, out int below)
    {
        // The last chunk with no more than rank values below it, then the bucket within it.
        int lo = 0, hi = chunkBelow.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (chunkBelow[mid] <= rank) lo = mid;
            else hi = mid - 1;
        }

        below = chunkBelow[lo];
        int b = lo * Chunk;
        for (; below + counts[b] <= rank; b++) below += counts[b];
        return b;
    }

    /// <summary>
    /// Pass 3: copies the values of the wanted buckets, those of group g (bucket
    /// <paramref name="groupBucket"/>[g], <paramref name="slot"/>[bucket] = g) to
    /// <paramref name="gathered"/> from <paramref name="offset"/>[g] on. The kept bucket numbers are
    /// compared by vector, 32 at a time, so only the few wanted values cost a scalar step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gather(ReadOnlySpan<double> values, ushort[] bucketOf, ReadOnlySpan<ushort> groupBucket, ReadOnlySpan<int> slot, ReadOnlySpan<int> offset, double[] gathered)
    {
        int n = values.Length;
        Span<int> fill = stackalloc int[groupBucket.Length];
        offset[..groupBucket.Length].CopyTo(fill);
        ref ushort bucket = ref MemoryMarshal.GetArrayDataReference(bucketOf);
        int i = 0;
        for (; i + Stride <= n; i += Stride)
        {
            var b = Vector512.LoadUnsafe(ref bucket, (nuint)i);
            ulong lanes = 0;
            foreach (ushort wanted in groupBucket) lanes |= Vector512.Equals(b, Vector512.Create(wanted)).ExtractMostSignificantBits();
            for (; lanes != 0; lanes &= lanes - 1)
            {
                int at = i + BitOperations.TrailingZeroCount(lanes);
                gathered[fill[slot[bucketOf[at]]]++] = values[at];
            }
        }

        for (; i < n; i++)
        {
            if (groupBucket.Contains(bucketOf[i])) gathered[fill[slot[bucketOf[i]]]++] = values[i];
        }
    }

    /// <summary>An unsigned key in the order of the doubles (negatives flipped, positives above them).</summary>
    private static ulong Key(double x)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(x);
        return bits ^ ((ulong)((long)bits >> 63) | SignBit);
    }

    private static Vector512<ulong> Key(Vector512<double> x)
    {
        var bits = x.AsUInt64();
        return bits ^ (Vector512.ShiftRightArithmetic(bits.AsInt64(), 63).AsUInt64() | Vector512.Create(SignBit));
    }

    /// <summary>The double whose key is <paramref name="key"/>.</summary>
    private static double FromKey(ulong key) => BitConverter.UInt64BitsToDouble((key & SignBit) != 0 ? key ^ SignBit : ~key);
}
