namespace MinerSim.Scenarios;

/// <summary>
/// An exogenous hashrate shock (MODEL.md section 11.5): on <see cref="Date"/> a share of every cohort's running machines
/// is forced off, and comes back linearly over <see cref="DaysBack"/> days (a ban, a blackout, a storm's curtailment).
/// </summary>
public sealed record EventSpec
{
    /// <summary>Day the machines go off (may be before the start date; the recovery then continues from day 0).</summary>
    public required DateOnly Date { get; init; }
    /// <summary>Share of running hashrate forced off on that day, in [0, 1].</summary>
    public required double ShareOff { get; init; }
    /// <summary>Days until it is all back, at least 1.</summary>
    public required double DaysBack { get; init; }
    /// <summary>What happened (free text).</summary>
    public string? Name { get; init; }
}
