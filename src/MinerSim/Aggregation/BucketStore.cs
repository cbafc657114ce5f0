using System.Runtime.CompilerServices;

namespace MinerSim.Aggregation;

/// <summary>Dense, growable integer counts over a contiguous range of bucket indices.</summary>
internal sealed class BucketStore
{
    private long[] _counts = [];
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

    /// <summary>Counts one value in each of <paramref name="buckets"/>.</summary>
    public void AddAll(ReadOnlySpan<long> buckets)
    {
        foreach (long b in buckets)
        {
            int i = (int)b - _offset;
            if ((uint)i >= (uint)_counts.Length)
            {
                i = Grow((int)b);
            }

            _counts[i]++;
        }

        Total += buckets.Length;
    }

    public void Add(int bucket, long count)
    {
        int i = bucket - _offset;
        if ((uint)i >= (uint)_counts.Length)
        {
            i = Grow(bucket);
        }

        _counts[i] += count;
        Total += count;
    }

    public void Merge(BucketStore other)
    {
        for (int i = 0; i < other._counts.Length; i++)
        {
            if (other._counts[i] != 0) Add(other._offset + i, other._counts[i]);
        }
    }

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
            _counts = new long[128];
            return bucket - _offset;
        }

        int lo = Math.Min(_offset, bucket - 32);
        int hi = Math.Max(_offset + _counts.Length, bucket + 33);
        var grown = new long[hi - lo];
        Array.Copy(_counts, 0, grown, _offset - lo, _counts.Length);
        _counts = grown;
        _offset = lo;
        return bucket - _offset;
    }
}
