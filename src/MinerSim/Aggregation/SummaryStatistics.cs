namespace MinerSim.Aggregation;

/// <summary>
/// One per-path summary's distribution across paths (a row of <c>summary.csv</c>):
/// the seven quantiles, the mean and the expected shortfalls <c>es95</c>, <c>es99</c>.
/// </summary>
/// <param name="Metric">Summary name (MODEL.md section 5), for example <c>total_sold</c>.</param>
/// <param name="Quantiles">The seven quantiles of <see cref="QuantileLevels"/>.</param>
/// <param name="Mean">Mean across paths.</param>
/// <param name="Es95">Mean of the ceil(0.05 N) worst paths.</param>
/// <param name="Es99">Mean of the ceil(0.01 N) worst paths.</param>
public sealed record SummaryStatistics(string Metric, IReadOnlyList<double> Quantiles, double Mean, double Es95, double Es99);
