using System.Diagnostics;
using MinerSim.Simulation;

namespace MinerSim.Questions;

/// <summary>
/// Progress over all the sweeps a question runs (sensitivity: the base and two moves per parameter;
/// spiral: two arms), counted in paths as blocks finish, so a long question shows one bar from 0 to 100%.
/// </summary>
public sealed class SweepProgress
{
    private readonly IProgress<SimulationProgress> _target;
    private readonly long _totalPaths;
    private readonly int _days;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _done;

    /// <param name="target">Receives a report after every finished block (from the worker threads).</param>
    /// <param name="sweeps">Sweeps the question runs.</param>
    /// <param name="paths">Paths per sweep.</param>
    /// <param name="days">Horizon of each sweep.</param>
    public SweepProgress(IProgress<SimulationProgress> target, int sweeps, long paths, int days)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
        _totalPaths = sweeps * paths;
        _days = days;
    }

    /// <summary>Counts a finished block of <paramref name="paths"/> paths.</summary>
    internal void BlockDone(int paths)
    {
        long done = Interlocked.Add(ref _done, paths);
        _target.Report(new SimulationProgress(done, _totalPaths, _days, _clock.Elapsed));
    }
}
