namespace MinerSim.Aggregation;

/// <summary>What a run was: the facts written to <c>manifest.json</c>.</summary>
public sealed record RunInfo
{
    /// <summary>Scenario name.</summary>
    public required string Scenario { get; init; }
    /// <summary>SHA-256 of the scenario file's bytes, lower-case hex.</summary>
    public required string ScenarioHash { get; init; }
    /// <summary>Master seed.</summary>
    public required ulong Seed { get; init; }
    /// <summary>Number of paths.</summary>
    public required long Paths { get; init; }
    /// <summary>Horizon in days.</summary>
    public required int Days { get; init; }
    /// <summary><c>exact</c> or <c>sketch</c>.</summary>
    public required string QuantileMethod { get; init; }
    /// <summary>Engine version that produced the numbers.</summary>
    public required string EngineVersion { get; init; }
    /// <summary>Calendar date of day 0, if the scenario gives one.</summary>
    public DateOnly? StartDate { get; init; }
    /// <summary>Wall time of the simulation, seconds.</summary>
    public double WallSeconds { get; init; }
    /// <summary>Path-days simulated per second of wall time.</summary>
    public double PathDaysPerSecond { get; init; }
    /// <summary>Worker threads used (does not change the numbers).</summary>
    public int Threads { get; init; }
}
