namespace MinerSim.Scenarios;

/// <summary>OTC execution (MODEL.md step 11) and ETF flows (step 12).</summary>
public sealed record MarketSpec
{
    /// <summary>OTC share theta of sales routed to desks.</summary>
    public required double Theta { get; init; }
    /// <summary>Days an OTC desk takes to work a sale (queue release 1/otcDays a day).</summary>
    public required double OtcDays { get; init; }
    /// <summary>Mean ETF net flow muE, BTC per day.</summary>
    public double MuE { get; init; }
    /// <summary>Stationary standard deviation sigmaE of ETF flows, BTC per day.</summary>
    public double SigmaE { get; init; }
    /// <summary>Daily AR(1) persistence phiE.</summary>
    public double PhiE { get; init; }
    /// <summary>Correlation rhoEP of the flow shock with the price shock.</summary>
    public double RhoEP { get; init; }
}
