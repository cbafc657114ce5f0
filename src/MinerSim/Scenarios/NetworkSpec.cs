namespace MinerSim.Scenarios;

/// <summary>Network start state (MODEL.md section 2) and difficulty rule (step 13).</summary>
public sealed record NetworkSpec
{
    /// <summary>Initial difficulty-implied hashrate HD0, EH/s.</summary>
    public required double Hd0 { get; init; }
    /// <summary>Initial block height height0.</summary>
    public required double Height0 { get; init; }
    /// <summary>
    /// Retarget every 2016 blocks (default true, MODEL.md step 13). False keeps HD at HD0:
    /// the closed-form world of the article, where issuance is exactly 144 blocks a day.
    /// </summary>
    public bool DifficultyAdjustment { get; init; } = true;
    /// <summary>
    /// Days the current epoch has run at day 0 (MODEL.md section 10.2); null: <c>(height0 mod 2016) / 144</c>,
    /// as if the epoch so far had run at 144 blocks a day.
    /// </summary>
    public double? EpochDays0 { get; init; }
    /// <summary>
    /// The network's daily hashrate (EH/s) on the days just before day 0, oldest first, the last being day -1; at most 59
    /// are used (the last ones). The hash ribbon's moving averages start from them (MODEL.md section 5); days before
    /// them count as day 0's H.
    /// </summary>
    public IReadOnlyList<double> HashrateHistory { get; init; } = [];
}
