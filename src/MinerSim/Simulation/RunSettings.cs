using MinerSim.Aggregation;

namespace MinerSim.Simulation;

/// <summary>How to run a scenario: validated by the caller, trusted here.</summary>
public sealed record RunSettings
{
    /// <summary>Number of paths N.</summary>
    public required long Paths { get; init; }
    /// <summary>Master seed.</summary>
    public required ulong Seed { get; init; }
    /// <summary>Worker threads (results do not depend on it).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
    /// <summary>Exact, sketch or auto.</summary>
    public QuantileMethod Quantiles { get; init; } = QuantileMethod.Auto;
    /// <summary>Bytes exact mode may use for path-day values before auto picks the sketch.</summary>
    public long ExactMemoryBudget { get; init; } = 2L << 30;
}
