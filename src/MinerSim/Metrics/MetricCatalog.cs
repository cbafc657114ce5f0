namespace MinerSim.Metrics;

/// <summary>Names, units and tail direction of the metrics; the names are the CSV names of MODEL.md section 5.</summary>
public static class MetricCatalog
{
    /// <summary>Number of daily metrics.</summary>
    public const int DailyCount = 10;

    /// <summary>Number of per-path summaries.</summary>
    public const int SummaryCount = 5;

    private static readonly string[] DailyNames =
    [
        "price", "hashrate", "difficulty_hashrate", "hashprice", "miner_sales",
        "visible_pressure", "miner_inventory", "etf_flow", "active_share", "ribbon_inverted",
    ];

    private static readonly string[] DailyUnits =
    [
        "USD/BTC", "EH/s", "EH/s", "USD per PH/s per day", "BTC/day",
        "BTC/day", "BTC", "BTC/day", "share of capacity", "share of paths",
    ];

    private static readonly string[] SummaryNames =
    [
        "total_sold", "max_sales_30d", "min_hashrate_ratio", "days_below_aisc", "inventory_drawdown",
    ];

    private static readonly string[] SummaryUnits = ["BTC", "BTC/day", "H / HD0", "days", "share of inventory"];

    /// <summary>CSV name of a daily metric.</summary>
    public static string Name(DailyMetric m) => DailyNames[(int)m];

    /// <summary>Unit of a daily metric, for axis labels.</summary>
    public static string Unit(DailyMetric m) => DailyUnits[(int)m];

    /// <summary>CSV name of a summary.</summary>
    public static string Name(SummaryMetric m) => SummaryNames[(int)m];

    /// <summary>Unit of a summary, for axis labels.</summary>
    public static string Unit(SummaryMetric m) => SummaryUnits[(int)m];

    /// <summary>All daily metric names in output order.</summary>
    public static IReadOnlyList<string> DailyMetricNames => DailyNames;

    /// <summary>All summary names in output order.</summary>
    public static IReadOnlyList<string> SummaryMetricNames => SummaryNames;

    /// <summary>
    /// True where the worst paths are the largest values (expected shortfall takes the top tail);
    /// only <c>min_hashrate_ratio</c> is worst when smallest (MODEL.md section 5).
    /// </summary>
    public static bool WorstIsLargest(SummaryMetric m) => m != SummaryMetric.MinHashrateRatio;

    /// <summary>True for summaries whose per-path values are whole numbers (<c>days_below_aisc</c>, a count of days).</summary>
    public static bool IsWholeNumber(SummaryMetric m) => m == SummaryMetric.DaysBelowAisc;

    /// <summary>Parses a daily metric name; returns false when unknown.</summary>
    public static bool TryParseDaily(string name, out DailyMetric metric)
    {
        int i = Array.IndexOf(DailyNames, name);
        metric = (DailyMetric)Math.Max(i, 0);
        return i >= 0;
    }

    /// <summary>Parses a summary name; returns false when unknown.</summary>
    public static bool TryParseSummary(string name, out SummaryMetric metric)
    {
        int i = Array.IndexOf(SummaryNames, name);
        metric = (SummaryMetric)Math.Max(i, 0);
        return i >= 0;
    }
}
