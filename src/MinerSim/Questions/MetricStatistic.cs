namespace MinerSim.Questions;

/// <summary>Which statistic of a metric's distribution across paths.</summary>
public enum MetricStatistic
{
    /// <summary>A percentile (numpy's default, linear interpolation).</summary>
    Percentile,
    /// <summary>The mean.</summary>
    Mean,
    /// <summary>Mean of the ceil(0.05 N) worst paths.</summary>
    Es95,
    /// <summary>Mean of the ceil(0.01 N) worst paths.</summary>
    Es99,
}
