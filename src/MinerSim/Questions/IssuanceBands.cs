namespace MinerSim.Questions;

/// <summary>Daily miner production (issuance: blocks x (subsidy + fees)) across paths, day by day.</summary>
/// <param name="P5">5th percentile per day, BTC.</param>
/// <param name="P50">Median per day, BTC.</param>
/// <param name="P95">95th percentile per day, BTC.</param>
/// <param name="Mean">Mean per day, BTC.</param>
/// <param name="MedianHalvingDay">Median over paths of the first day mined at a lower subsidy than day 0's; null when fewer than half the paths get there.</param>
public sealed record IssuanceBands(double[] P5, double[] P50, double[] P95, double[] Mean, int? MedianHalvingDay);
