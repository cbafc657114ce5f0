using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace MinerSim.Aggregation;

/// <summary>
/// Dense, growable integer counts over a contiguous range of bucket indices. Counts are 32-bit
/// (a sketch holds one metric-day, at most one value per path, and an aggregate at most
/// <see cref="Array.MaxLength"/> paths), which halves the cache footprint of a run's sketches.
/// </summary>
internal sealed class BucketStore
{
    private int[] _counts = [];
    private int _offset;

    /// <summary>Total count.</summary>
    public long Total { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int bucket)
    {
        int i = bucket - _offset;
        if ((uint)i >= (uint)_counts.Length)
        {
            i = Grow(bucket);
        }

        _counts[i]++;
        Total++;
    }

    /// <summary>Extends the range to hold every bucket in [<paramref name="lo"/>, <paramref name="hi"/>], ahead of <see cref="AddReserved"/>.</summary>
    public void Reserve(int lo, int hi)
    {
        if ((uint)(lo - _offset) >= (uint)_counts.Length) Grow(lo);
        if ((uint)(hi - _offset) >= (uint)_counts.Length) Grow(hi);
    }

    /// <summary>Counts one value in each of <paramref name="buckets"/>, all within a range <see cref="Reserve"/> has made room for.</summary>
    /// <remarks>Unchecked: a bucket outside the reserved range would write outside the counts.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddReserved(ReadOnlySpan<int> buckets)
    {
        ref int origin = ref MemoryMarshal.GetArrayDataReference(_counts);
        int offset = _offset;
        foreach (int b in buckets) Unsafe.Add(ref origin, b - offset)++;
        Total += buckets.Length;
    }

    /// <summary>Asks the cache for every line of the counts (a hint only: no effect on any count).</summary>
    public unsafe void Prefetch()
    {
        if (!Sse.IsSupported || _counts.Length == 0) return;
        fixed (int* p = _counts)
        {
            byte* start = (byte*)p, end = (byte*)(p + _counts.Length);
            for (byte* line = start; line < end; line += 64) Sse.Prefetch0(line);
        }
    }

    /// <summary>Zeroes every count, keeping the range.</summary>
    public void Clear()
    {
        Array.Clear(_counts);
        Total = 0;
    }

    public void Add(int bucket, long count)
    {
        int i = bucket - _offset;
        if ((uint)i >= (uint)_counts.Length)
        {
            i = Grow(bucket);
        }

        _counts[i] = checked(_counts[i] + (int)count);
        Total += count;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Merge(BucketStore other)
    {
        for (int i = 0; i < other._counts.Length; i++)
        {
            if (other._counts[i] != 0) Add(other._offset + i, other._counts[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int BucketAtRank(long rank)
    {
        long seen = 0;
        for (int i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen > rank) return _offset + i;
        }

        return _offset + _counts.Length - 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int BucketAtRankFromTop(long rank)
    {
        long seen = 0;
        for (int i = _counts.Length - 1; i >= 0; i--)
        {
            seen += _counts[i];
            if (seen > rank) return _offset + i;
        }

        return _offset;
    }

    /// <summary>Number of buckets with a count.</summary>
    public int NonEmptyCount()
    {
        int n = 0;
        foreach (int c in _counts) n += c != 0 ? 1 : 0;
        return n;
    }

    public IEnumerable<(int Bucket, long Count)> NonEmpty()
    {
        for (int i = 0; i < _counts.Length; i++)
        {
            if (_counts[i] != 0) yield return (_offset + i, _counts[i]);
        }
    }

    /// <summary>Extends the range to include <paramref name="bucket"/>, with slack so growth is rare.</summary>
    private int Grow(int bucket)
    {
        if (_counts.Length == 0)
        {
            _offset = bucket - 64;
            _counts = new int[128];
            return bucket - _offset;
        }

        // Grow the side that overflows by at least half the current length (and 32 buckets past the new one):
        // a metric whose range widens block after block (etf_flow towards zero) reallocates O(log n) times, not O(n).
        int slack = Math.Max(32, _counts.Length / 2);
        int lo = bucket < _offset ? Math.Min(bucket - 32, _offset - slack) : _offset;
        int hi = bucket >= _offset + _counts.Length ? Math.Max(bucket + 33, _offset + _counts.Length + slack) : _offset + _counts.Length;
        var grown = new int[hi - lo];
        Array.Copy(_counts, 0, grown, _offset - lo, _counts.Length);
        _counts = grown;
        _offset = lo;
        return bucket - _offset;
    }
}
