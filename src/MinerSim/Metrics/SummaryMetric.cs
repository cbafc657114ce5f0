namespace MinerSim.Metrics;

/// <summary>The per-path summaries over the horizon (MODEL.md section 5), in output order.</summary>
public enum SummaryMetric
{
    /// <summary>Sum of S over the horizon, BTC.</summary>
    TotalSold,
    /// <summary>Largest mean of S over a full 30-day window, BTC per day.</summary>
    MaxSales30d,
    /// <summary>Minimum of H / HD0.</summary>
    MinHashrateRatio,
    /// <summary>Days on which the price is below the industry AISC.</summary>
    DaysBelowAisc,
    /// <summary>1 - final inventory / initial inventory.</summary>
    InventoryDrawdown,
}
