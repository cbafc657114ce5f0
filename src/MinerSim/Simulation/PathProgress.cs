using System.Diagnostics;

namespace MinerSim.Simulation;

/// <summary>
/// Counts paths as the block workers finish blocks and reports <see cref="SimulationProgress"/> over a
/// whole job: a run (including the blocks a resumed checkpoint already holds, and across checkpoint
/// chunks) or all the sweeps of a question (sensitivity: the base and two moves per parameter; spiral:
/// two arms), so a long job shows one bar from 0 to 100%.
/// </summary>
public sealed class PathProgress
{
    private readonly IProgress<SimulationProgress> _target;
    private readonly long _totalPaths;
    private readonly int _days;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _done;

    /// <param name="target">Receives a report after every finished block (from the worker threads).</param>
    /// <param name="totalPaths">Paths in the whole job.</param>
    /// <param name="days">Horizon of each path.</param>
    /// <param name="doneBefore">Paths already finished when the job starts (a resumed run).</param>
    public PathProgress(IProgress<SimulationProgress> target, long totalPaths, int days, long doneBefore = 0)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
        _totalPaths = totalPaths;
        _days = days;
        _done = doneBefore;
    }

    /// <summary>Counts a finished block of <paramref name="paths"/> paths.</summary>
    internal void BlockDone(int paths)
    {
        long done = Interlocked.Add(ref _done, paths);
        _target.Report(new SimulationProgress(done, _totalPaths, _days, _clock.Elapsed));
    }
}
