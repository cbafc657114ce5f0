namespace MinerSim.Aggregation;

/// <summary>The quantile levels every report carries (MODEL.md section 5).</summary>
public static class QuantileLevels
{
    /// <summary>Levels 1, 5, 25, 50, 75, 95, 99 percent, in this order.</summary>
    public static ReadOnlySpan<double> Values => [0.01, 0.05, 0.25, 0.50, 0.75, 0.95, 0.99];

    /// <summary>Column names matching <see cref="Values"/>: p1, p5, p25, p50, p75, p95, p99.</summary>
    public static IReadOnlyList<string> Names { get; } = ["p1", "p5", "p25", "p50", "p75", "p95", "p99"];

    /// <summary>Number of levels (7).</summary>
    public const int Count = 7;

    /// <summary>Index of the median in <see cref="Values"/>.</summary>
    public const int Median = 3;
}
