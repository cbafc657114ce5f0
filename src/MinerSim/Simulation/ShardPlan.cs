namespace MinerSim.Simulation;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/>: a contiguous run of whole path blocks, so
/// every split of a run covers exactly the same paths and blocks (block b is always paths
/// [b x block size, (b + 1) x block size)).
/// </summary>
/// <remarks>
/// Shard i owns blocks [floor(B i / n), floor(B (i + 1) / n)) of the run's B blocks: the shards
/// tile the blocks in order, differ in size by at most one block, and may be empty when n &gt; B.
/// </remarks>
public readonly record struct ShardPlan
{
    /// <summary>Shard <paramref name="index"/> (0-based) of <paramref name="count"/>.</summary>
    public ShardPlan(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        Index = index;
        Count = count;
    }

    /// <summary>The whole run as one shard.</summary>
    public static ShardPlan Whole { get; } = new(0, 1);

    /// <summary>0-based shard index.</summary>
    public int Index { get; }

    /// <summary>Number of shards the run is split into.</summary>
    public int Count { get; }

    /// <summary>First block of this shard.</summary>
    public int FirstBlock(int blockCount) => (int)((long)blockCount * Index / Count);

    /// <summary>One past the last block of this shard.</summary>
    public int EndBlock(int blockCount) => (int)((long)blockCount * (Index + 1) / Count);

    /// <summary>The blocks of this shard, ascending.</summary>
    public int[] Blocks(int blockCount)
    {
        int first = FirstBlock(blockCount);
        return Enumerable.Range(first, EndBlock(blockCount) - first).ToArray();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Index}/{Count}";
}
