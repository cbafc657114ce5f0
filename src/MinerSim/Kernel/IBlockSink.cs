namespace MinerSim.Kernel;

/// <summary>
/// Receives a block's metrics as the kernel produces them. Spans are laid out metric-major:
/// <c>values[metric * BlockKernel.BlockSize + lane]</c>; only the first <c>count</c> lanes are real paths.
/// </summary>
public interface IBlockSink
{
    /// <summary>One day's daily metrics for the block's lanes.</summary>
    void AcceptDay(int day, ReadOnlySpan<double> values, int count);

    /// <summary>The per-path summaries of the block's lanes, after the last day.</summary>
    void AcceptSummaries(ReadOnlySpan<double> values, int count);
}
