namespace MinerSim.Market;

/// <summary>One row of the closed-form stress table: a selling rule and the BTC a day it puts on the market.</summary>
/// <param name="Name">Case name (<c>base</c>, <c>conservative</c>, <c>severe</c>).</param>
/// <param name="SaleShare">Share of daily issuance sold.</param>
/// <param name="InventoryShare">Share of inventory liquidated over <paramref name="InventoryDays"/> (0: none).</param>
/// <param name="InventoryDays">Days over which the inventory share is sold (0 when no inventory is sold).</param>
/// <param name="BtcPerDay">Sales, BTC a day: <c>SaleShare * F + InventoryShare * I / InventoryDays</c>.</param>
/// <param name="EtfShares">Sales as a fraction of each ETF inflow day, in the order of the inputs' ETF days.</param>
public sealed record StressCase(
    string Name,
    double SaleShare,
    double InventoryShare,
    double InventoryDays,
    double BtcPerDay,
    IReadOnlyList<double> EtfShares);
