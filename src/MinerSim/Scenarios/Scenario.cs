namespace MinerSim.Scenarios;

/// <summary>
/// A complete, immutable description of one simulation: every parameter of MODEL.md.
/// Read from JSON by <see cref="ScenarioLoader"/>, checked once by <see cref="ScenarioValidator"/>;
/// the engine then trusts it.
/// </summary>
public sealed record Scenario
{
    /// <summary>Short name, used in output folder names and chart titles.</summary>
    public required string Name { get; init; }

    /// <summary>Free text: what the scenario asks and where its numbers come from.</summary>
    public string? Description { get; init; }

    /// <summary>Calendar date of day 0 (charts use dates when given).</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>Horizon T in days (default 365).</summary>
    public int Days { get; init; } = 365;

    /// <summary>Price dynamics (MODEL.md step 1).</summary>
    public required PriceSpec Price { get; init; }

    /// <summary>Transaction fees per block (step 2).</summary>
    public required FeeSpec Fees { get; init; }

    /// <summary>Network start state and difficulty rule (steps 3, 13, 14).</summary>
    public required NetworkSpec Network { get; init; }

    /// <summary>Execution and ETF flows (steps 11, 12).</summary>
    public required MarketSpec Market { get; init; }

    /// <summary>Fleet dynamics (MODEL.md section 11); null keeps v1.1's step 10.</summary>
    public FleetSpec? Fleet { get; init; }

    /// <summary>Exogenous hashrate shocks (MODEL.md section 11.5); none by default. They need a start date.</summary>
    public IReadOnlyList<EventSpec> Events { get; init; } = [];

    /// <summary>Miner cohorts (steps 5-10); at least one.</summary>
    public required IReadOnlyList<CohortSpec> Cohorts { get; init; }
}
