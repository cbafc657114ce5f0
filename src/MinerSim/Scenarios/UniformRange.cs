namespace MinerSim.Scenarios;

/// <summary>A uniform distribution U(lo, hi); lo = hi is a fixed value.</summary>
public sealed record UniformRange
{
    /// <summary>Lower bound.</summary>
    public required double Lo { get; init; }
    /// <summary>Upper bound.</summary>
    public required double Hi { get; init; }
}
