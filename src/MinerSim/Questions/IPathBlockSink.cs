using MinerSim.Kernel;

namespace MinerSim.Questions;

/// <summary>
/// A block sink told which paths the next block holds, so it can write its per-path results
/// into a slice of shared arrays that no other block touches.
/// </summary>
public interface IPathBlockSink : IBlockSink
{
    /// <summary>The next block covers paths <paramref name="firstPath"/> .. <paramref name="firstPath"/> + <paramref name="count"/> - 1.</summary>
    void Begin(long firstPath, int count);
}
