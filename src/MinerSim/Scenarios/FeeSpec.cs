namespace MinerSim.Scenarios;

/// <summary>Fees per block: fee = median * exp(sigma * Zf) BTC (MODEL.md step 2).</summary>
public sealed record FeeSpec
{
    /// <summary>Median fee per block, BTC.</summary>
    public required double Median { get; init; }
    /// <summary>Log-standard deviation of the daily fee level.</summary>
    public double Sigma { get; init; }
}
