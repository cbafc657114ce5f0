namespace MinerSim.Simulation;

/// <summary>Progress of a run, reported after each completed block of paths.</summary>
/// <param name="PathsDone">Paths finished so far.</param>
/// <param name="PathsTotal">Paths in the run (or shard).</param>
/// <param name="Days">Horizon in days (path-days = paths x days).</param>
/// <param name="Elapsed">Wall time since the simulation started.</param>
public readonly record struct SimulationProgress(long PathsDone, long PathsTotal, int Days, TimeSpan Elapsed)
{
    /// <summary>Share done, in [0, 1].</summary>
    public double Fraction => PathsTotal == 0 ? 1 : (double)PathsDone / PathsTotal;

    /// <summary>Path-days per second so far.</summary>
    public double PathDaysPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : PathsDone * (double)Days / Elapsed.TotalSeconds;

    /// <summary>Estimated time left at the current speed.</summary>
    public TimeSpan Remaining => PathsDone == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Elapsed.TotalSeconds * (PathsTotal - PathsDone) / PathsDone);
}
