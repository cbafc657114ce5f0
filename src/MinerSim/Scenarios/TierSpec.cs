namespace MinerSim.Scenarios;

/// <summary>A fleet tier: a share of the cohort's capacity at one efficiency.</summary>
public sealed record TierSpec
{
    /// <summary>Share of the cohort's capacity, in [0, 1].</summary>
    public required double Weight { get; init; }
    /// <summary>Efficiency, J/TH.</summary>
    public required double Efficiency { get; init; }
}
