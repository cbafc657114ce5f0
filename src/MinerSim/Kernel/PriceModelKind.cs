namespace MinerSim.Kernel;

/// <summary>The price models step 1 can use.</summary>
public enum PriceModelKind
{
    /// <summary>GBM with compensated jumps and price impact: MODEL.md step 1 exactly.</summary>
    Gbm,
    /// <summary>Two-state (bull/bear) regime-switching GBM, same jumps and impact.</summary>
    Regime,
    /// <summary>Block bootstrap of historical daily log returns, plus price impact.</summary>
    Bootstrap,
    /// <summary>The real daily closes from the start date (MODEL.md section 10): every path has the same price.</summary>
    Replay,
}
