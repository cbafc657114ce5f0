using System.Globalization;
using MinerSim.Aggregation;
using MinerSim.Metrics;

namespace MinerSim.Questions;

/// <summary>
/// A number to study across paths: <c>&lt;summary&gt;:&lt;stat&gt;</c> (for example <c>max_sales_30d:p95</c>)
/// or <c>&lt;daily&gt;:&lt;stat&gt;@&lt;day&gt;</c> (for example <c>miner_sales:p50@180</c>), with stat one of
/// <c>p1</c> .. <c>p99</c>, <c>mean</c>, <c>es95</c>, <c>es99</c>.
/// </summary>
/// <remarks>
/// Expected shortfall averages the worst tail (MODEL.md section 5). For summaries the worst side
/// is <see cref="MetricCatalog.WorstIsLargest"/>; for daily metrics it is the small side for
/// price, hashrate, difficulty_hashrate, hashprice, miner_inventory, etf_flow and active_share
/// (a risk team fears them low) and the large side for miner_sales, visible_pressure and ribbon_inverted.
/// </remarks>
public sealed record MetricSpec
{
    /// <summary>The text as given.</summary>
    public required string Text { get; init; }
    /// <summary>The summary metric, or null for a daily one.</summary>
    public SummaryMetric? Summary { get; init; }
    /// <summary>The daily metric, or null for a summary.</summary>
    public DailyMetric? Daily { get; init; }
    /// <summary>Day of a daily metric (0-based).</summary>
    public int Day { get; init; }
    /// <summary>The statistic.</summary>
    public required MetricStatistic Statistic { get; init; }
    /// <summary>Percentile in (0, 1) when <see cref="Statistic"/> is <see cref="MetricStatistic.Percentile"/>.</summary>
    public double Level { get; init; }

    /// <summary>True where the worst paths are the largest values.</summary>
    public bool WorstIsLargest => Summary is SummaryMetric s
        ? MetricCatalog.WorstIsLargest(s)
        : Daily is DailyMetric.MinerSales or DailyMetric.VisiblePressure or DailyMetric.RibbonInverted;

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what is allowed, in one line.</summary>
    public static bool TryParse(string text, out MetricSpec? spec, out string error)
    {
        spec = null;
        error = string.Empty;
        string[] parts = (text ?? string.Empty).Split(':');
        if (parts.Length != 2)
        {
            error = $"'{text}' is not <metric>:<stat>; e.g. max_sales_30d:p95 or miner_sales:p50@180";
            return false;
        }

        string name = parts[0].Trim(), rest = parts[1].Trim();
        int at = rest.IndexOf('@', StringComparison.Ordinal);
        string stat = at < 0 ? rest : rest[..at];
        if (!TryParseStatistic(stat, out var statistic, out double level))
        {
            error = $"'{stat}' is not a statistic; use p1 .. p99, mean, es95 or es99";
            return false;
        }

        if (MetricCatalog.TryParseSummary(name, out var summary))
        {
            if (at >= 0)
            {
                error = $"'{name}' is a per-path summary; it takes no @day";
                return false;
            }

            spec = new MetricSpec { Text = text!, Summary = summary, Statistic = statistic, Level = level };
            return true;
        }

        if (MetricCatalog.TryParseDaily(name, out var daily))
        {
            if (at < 0 || !int.TryParse(rest[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int day))
            {
                error = $"'{name}' is a daily metric; give the day, e.g. {name}:{stat}@180";
                return false;
            }

            spec = new MetricSpec { Text = text!, Daily = daily, Day = day, Statistic = statistic, Level = level };
            return true;
        }

        error = $"'{name}' is not a metric; summaries: {string.Join(", ", MetricCatalog.SummaryMetricNames)}; daily (with @day): {string.Join(", ", MetricCatalog.DailyMetricNames)}";
        return false;
    }

    /// <summary>The statistic of <paramref name="values"/> (one value per path; reordered in place).</summary>
    public double Evaluate(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0) return double.NaN;
        switch (Statistic)
        {
            case MetricStatistic.Mean:
                double sum = 0;
                foreach (double v in values) sum += v;
                return sum / values.Length;
            case MetricStatistic.Percentile:
                Array.Sort(values);
                return NumpyQuantile.OfSorted(values, Level);
            default:
                Array.Sort(values);
                int k = (int)Math.Ceiling((Statistic == MetricStatistic.Es95 ? 0.05 : 0.01) * values.Length);
                var tail = WorstIsLargest ? values.AsSpan(values.Length - k) : values.AsSpan(0, k);
                double s = 0;
                foreach (double v in tail) s += v;
                return s / k;
        }
    }

    private static bool TryParseStatistic(string s, out MetricStatistic statistic, out double level)
    {
        level = 0;
        statistic = MetricStatistic.Mean;
        switch (s)
        {
            case "mean": return true;
            case "es95": statistic = MetricStatistic.Es95; return true;
            case "es99": statistic = MetricStatistic.Es99; return true;
        }

        if (s.Length is 2 or 3 && s[0] == 'p' && int.TryParse(s.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p is >= 1 and <= 99)
        {
            statistic = MetricStatistic.Percentile;
            level = p / 100.0;
            return true;
        }

        return false;
    }
}
