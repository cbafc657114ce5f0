namespace MinerSim.Market;

/// <summary>
/// Inputs of the article's closed-form stress table (MODEL.md section 8); the defaults reproduce it.
/// </summary>
/// <remarks>
/// Defaults: 144 blocks a day at the post-2024 subsidy of 3.125 BTC (Bitcoin Core
/// <c>GetBlockSubsidy</c> after the 4th halving), 30-day months, 50,000 BTC of miner inventory,
/// and ETF inflow days of 5,000 and 10,000 BTC (MODEL.md section 7).
/// </remarks>
public sealed record ClosedFormStressInputs
{
    /// <summary>Block subsidy, BTC.</summary>
    public double Subsidy { get; init; } = 3.125;

    /// <summary>Blocks a day.</summary>
    public double BlocksPerDay { get; init; } = 144;

    /// <summary>Miner inventory, BTC.</summary>
    public double Inventory { get; init; } = 50_000;

    /// <summary>Days in a month, for the monthly issuance.</summary>
    public double MonthDays { get; init; } = 30;

    /// <summary>Base case: share of issuance sold.</summary>
    public double BaseSaleShare { get; init; } = 0.5;

    /// <summary>Conservative stress: share of issuance sold.</summary>
    public double ConservativeSaleShare { get; init; } = 1.0;

    /// <summary>Conservative stress: share of inventory liquidated.</summary>
    public double ConservativeInventoryShare { get; init; } = 0.1;

    /// <summary>Conservative stress: days over which the inventory share is liquidated.</summary>
    public double ConservativeDays { get; init; } = 60;

    /// <summary>Severe stress: share of issuance sold.</summary>
    public double SevereSaleShare { get; init; } = 1.0;

    /// <summary>Severe stress: share of inventory liquidated.</summary>
    public double SevereInventoryShare { get; init; } = 0.3;

    /// <summary>Severe stress: days over which the inventory share is liquidated.</summary>
    public double SevereDays { get; init; } = 90;

    /// <summary>ETF inflow days (BTC) each case is compared with.</summary>
    public IReadOnlyList<double> EtfDays { get; init; } = [5_000, 10_000];
}
