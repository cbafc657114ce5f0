using System.Runtime.CompilerServices;
using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MinerSim.Aggregation;

/// <summary>
/// Exact order statistics by one radix step: map each double to an order-preserving 64-bit key,
/// histogram the keys' top 12 bits over [min key, max key], locate the bucket of every wanted rank
/// from the counts, gather only those buckets' values and select within them. Three linear
/// passes instead of repeated quickselect over the whole column; the result is exact, so it does
/// not depend on how the values are distributed (skewed data only makes the gathered buckets larger).
/// </summary>
internal static class RadixSelect
{
    /// <summary>Below this length plain selection is as fast.</summary>
    public const int MinLength = 512;

    private const int Bits = 12;
    private const int Buckets = 1 << Bits;

    /// <summary>Most ranks one call selects (their bookkeeping lives on the stack).</summary>
    public const int MaxRanks = 32;

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
    /// costs the same three passes as asking for one, so callers batch everything they need.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Ranks(ReadOnlySpan<double> values, ReadOnlySpan<int> ranks, Span<double> order)
    {
        int n = values.Length;
        if (n < MinLength) throw new ArgumentException($"radix selection needs at least {MinLength} values", nameof(values));
        if (ranks.Length > MaxRanks) throw new ArgumentException($"at most {MaxRanks} ranks per call", nameof(ranks));
        foreach (int r in ranks)
        {
            if ((uint)r >= (uint)n) throw new ArgumentOutOfRangeException(nameof(ranks), r, "rank outside the values");
        }

        // Pass 1: the key range.
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

        if (min == max)
        {
            order[..ranks.Length].Fill(values[0]);
            return;
        }

        int shift = Math.Max(0, 64 - BitOperations.LeadingZeroCount(max - min) - Bits);

        // Pass 2: bucket counts, then the bucket of each wanted rank.
        var pool = ArrayPool<int>.Shared;
        int[] counts = pool.Rent(Buckets + 1);
        int[] spare = pool.Rent(3 * Buckets);
        int[] slot = pool.Rent(Buckets);
        double[]? gathered = null;
        try
        {
            // Four interleaved histograms: runs of equal keys do not chain increments of one counter.
            Array.Clear(counts, 0, Buckets + 1);
            Array.Clear(spare, 0, 3 * Buckets);
            int j4 = 0;
            for (; j4 + 4 <= n; j4 += 4)
            {
                counts[(int)((Key(values[j4]) - min) >> shift)]++;
                spare[(int)((Key(values[j4 + 1]) - min) >> shift)]++;
                spare[Buckets + (int)((Key(values[j4 + 2]) - min) >> shift)]++;
                spare[(2 * Buckets) + (int)((Key(values[j4 + 3]) - min) >> shift)]++;
            }

            for (; j4 < n; j4++) counts[(int)((Key(values[j4]) - min) >> shift)]++;
            for (int b = 0; b < Buckets; b++) counts[b] += spare[b] + spare[Buckets + b] + spare[(2 * Buckets) + b];

            // counts becomes the number of values in lower buckets (exclusive prefix sums).
            int below = 0;
            for (int b = 0; b <= Buckets; b++)
            {
                int c = counts[b];
                counts[b] = below;
                below += c;
            }

            Array.Fill(slot, -1, 0, Buckets);
            Span<int> bucket = stackalloc int[ranks.Length];
            Span<int> offset = stackalloc int[ranks.Length];
            int groups = 0, size = 0;
            for (int j = 0; j < ranks.Length; j++)
            {
                int b = BucketOfRank(counts, ranks[j]);
                bucket[j] = b;
                if (slot[b] < 0)
                {
                    slot[b] = groups;
                    offset[groups] = size;
                    size += counts[b + 1] - counts[b];
                    groups++;
                }
            }

            // Pass 3: gather the wanted buckets' values, bucket by bucket (only those: usually a
            // small fraction of the input, all of it only when one bucket holds nearly everything).
            gathered = ArrayPool<double>.Shared.Rent(size);
            Span<int> fill = stackalloc int[groups];
            offset[..groups].CopyTo(fill);
            foreach (double x in values)
            {
                int g = slot[(int)((Key(x) - min) >> shift)];
                if (g >= 0) gathered[fill[g]++] = x;
            }

            Span<int> uniform = stackalloc int[groups];
            uniform.Clear();
            for (int j = 0; j < ranks.Length; j++)
            {
                int b = bucket[j];
                int g = slot[b];
                int length = counts[b + 1] - counts[b];
                var part = gathered.AsSpan(offset[g], length);
                int local = ranks[j] - counts[b];
                if (uniform[g] == 0) uniform[g] = length > 64 && AllEqual(part) ? 1 : -1;
                if (uniform[g] > 0)
                {
                    // A bucket of one repeated value (0/1 metrics, a shared start): nothing to select.
                    order[j] = part[0];
                    continue;
                }

                NumpyQuantile.Select(part, local);
                order[j] = part[local];
            }
        }
        finally
        {
            pool.Return(counts);
            pool.Return(spare);
            pool.Return(slot);
            if (gathered is not null) ArrayPool<double>.Shared.Return(gathered);
        }
    }

    private static bool AllEqual(ReadOnlySpan<double> part)
    {
        double first = part[0];
        foreach (double x in part)
        {
            if (x != first) return false;
        }

        return true;
    }

    /// <summary>The bucket whose values hold rank <paramref name="rank"/>, given exclusive prefix counts.</summary>
    private static int BucketOfRank(int[] below, int rank)
    {
        int lo = 0, hi = Buckets - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (below[mid] <= rank) lo = mid;
            else hi = mid - 1;
        }

        return lo;
    }

    /// <summary>An unsigned key in the order of the doubles (negatives flipped, positives above them).</summary>
    private static ulong Key(double x)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(x);
        return bits ^ ((ulong)((long)bits >> 63) | 0x8000000000000000UL);
    }

    private static Vector512<ulong> Key(Vector512<double> x)
    {
        var bits = x.AsUInt64();
        return bits ^ (Vector512.ShiftRightArithmetic(bits.AsInt64(), 63).AsUInt64() | Vector512.Create(0x8000000000000000UL));
    }
}
