namespace MinerSim.Scenarios;

/// <summary>
/// Two-state (bull/bear) regime-switching GBM: each state has its own annual drift and
/// volatility; each day the path leaves its state with the state's switching probability.
/// </summary>
public sealed record RegimeSpec
{
    /// <summary>Annual drift in the bull state.</summary>
    public required double BullMu { get; init; }
    /// <summary>Annual volatility in the bull state.</summary>
    public required double BullSigma { get; init; }
    /// <summary>Annual drift in the bear state.</summary>
    public required double BearMu { get; init; }
    /// <summary>Annual volatility in the bear state.</summary>
    public required double BearSigma { get; init; }
    /// <summary>Daily probability of switching from bull to bear.</summary>
    public required double PBullToBear { get; init; }
    /// <summary>Daily probability of switching from bear to bull.</summary>
    public required double PBearToBull { get; init; }
    /// <summary>Probability that a path starts in the bull state (default: the stationary share).</summary>
    public double? PStartBull { get; init; }
}
