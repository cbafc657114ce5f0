using MinerSim.Miners;
using MinerSim.Network;
using MinerSim.Prices;

namespace MinerSim.Backtests;

/// <summary>The real history a backtest replays: every difficulty retarget, the daily closes, and the efficiency frontier.</summary>
/// <param name="Chain">The chain's retargets (samples/data/difficulty-epochs.csv).</param>
/// <param name="Prices">Daily closes on consecutive days (samples/data/btc-usd-daily.csv).</param>
/// <param name="Frontier">Best shipping J/TH by date (samples/data/asic-frontier.csv); null keeps the scenario's efficiencies.</param>
/// <param name="Events">Real hashrate shocks (samples/data/events.csv); null or empty for none.</param>
public sealed record BacktestData(ChainHistory Chain, PriceHistory Prices, EfficiencyFrontier? Frontier = null, IReadOnlyList<Scenarios.EventSpec>? Events = null)
{
    /// <summary>First day both histories know: the earliest origin.</summary>
    public DateOnly First => Chain.FirstDate > Prices.First ? Chain.FirstDate : Prices.First;

    /// <summary>Last day both histories know: the latest end of a backtest window.</summary>
    public DateOnly Last => Chain.LastDate < Prices.Last ? Chain.LastDate : Prices.Last;

    /// <summary>Why the window <paramref name="from"/> .. <paramref name="to"/> cannot be replayed, or null when it can.</summary>
    public string? Refuses(DateOnly from, DateOnly to)
    {
        if (Frontier is not null && !Frontier.Covers(from)) return $"origin {from:yyyy-MM-dd} is before the efficiency frontier's first machine ({Frontier.Steps[0].Date:yyyy-MM-dd})";
        if (from < First || from > Last) return $"origin {from:yyyy-MM-dd} is outside the data ({First:yyyy-MM-dd} .. {Last:yyyy-MM-dd})";
        if (to <= from) return $"end {to:yyyy-MM-dd} is not after the origin {from:yyyy-MM-dd}";
        if (to > Last) return $"end {to:yyyy-MM-dd} is after the last day of the data ({Last:yyyy-MM-dd}: prices end {Prices.Last:yyyy-MM-dd}, the chain {Chain.LastDate:yyyy-MM-dd})";
        return null;
    }
}
