namespace MinerSim.Scenarios;

/// <summary>
/// Price model (MODEL.md step 1). <c>gbm</c> is geometric Brownian motion with compensated
/// lognormal-size Poisson jumps and the price impact of visible sales: the model of MODEL.md.
/// </summary>
public sealed record PriceSpec
{
    /// <summary>Model name: <c>gbm</c> (MODEL.md), <c>regime</c>, <c>bootstrap</c> or <c>replay</c> (MODEL.md section 10).</summary>
    public string Model { get; init; } = "gbm";

    /// <summary>Initial price P0, USD per BTC.</summary>
    public required double P0 { get; init; }

    /// <summary>Annual drift mu (E[P_t] = P0 exp(mu t/365) when gamma = 0).</summary>
    public double Mu { get; init; }

    /// <summary>Annual volatility sigma.</summary>
    public double Sigma { get; init; }

    /// <summary>Jump intensity lambdaJ, jumps per year (at most one a day).</summary>
    public double LambdaJ { get; init; }

    /// <summary>Mean log jump size muJ.</summary>
    public double MuJ { get; init; }

    /// <summary>Standard deviation of the log jump size sigmaJ.</summary>
    public double SigmaJ { get; init; }

    /// <summary>Price impact gamma of yesterday's visible pressure (0 switches the feedback off).</summary>
    public double Gamma { get; init; }

    /// <summary>Market depth L, BTC per day, that scales the impact: r -= gamma * Vprev / L.</summary>
    public double Liquidity { get; init; } = 30_000;

    /// <summary>Parameters of the two-state regime-switching model (model <c>regime</c>).</summary>
    public RegimeSpec? Regime { get; init; }

    /// <summary>Parameters of the historical block bootstrap (model <c>bootstrap</c>).</summary>
    public BootstrapSpec? Bootstrap { get; init; }

    /// <summary>The real price history that model <c>replay</c> follows from the start date.</summary>
    public ReplaySpec? Replay { get; init; }
}
