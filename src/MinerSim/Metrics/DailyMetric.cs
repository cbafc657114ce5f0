namespace MinerSim.Metrics;

/// <summary>The per-path, per-day metrics of MODEL.md section 5, in output order.</summary>
public enum DailyMetric
{
    /// <summary>Price P, USD per BTC.</summary>
    Price,
    /// <summary>Network hashrate H, EH/s.</summary>
    Hashrate,
    /// <summary>Difficulty-implied hashrate HD after any retarget, EH/s.</summary>
    DifficultyHashrate,
    /// <summary>Hashprice, USD per PH/s per day (hp / 1000).</summary>
    Hashprice,
    /// <summary>Total miner sales S, BTC per day.</summary>
    MinerSales,
    /// <summary>Market-visible sell pressure V, BTC per day.</summary>
    VisiblePressure,
    /// <summary>Miner inventory, sum of I over cohorts, BTC.</summary>
    MinerInventory,
    /// <summary>ETF net flow E, BTC per day.</summary>
    EtfFlow,
    /// <summary>Running share of installed capacity, H / sum K.</summary>
    ActiveShare,
    /// <summary>1 when the 30-day SMA of H is below the 60-day SMA, else 0.</summary>
    RibbonInverted,
}
