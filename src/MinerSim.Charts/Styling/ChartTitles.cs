using System.Globalization;
using MinerSim.Aggregation;
using MinerSim.Metrics;

namespace MinerSim.Charts.Styling;

/// <summary>Titles and axis labels, worded the same on every chart.</summary>
internal static class ChartTitles
{
    /// <summary>"&lt;subject&gt; - &lt;scenario&gt;, &lt;paths&gt; paths, seed &lt;seed&gt;".</summary>
    public static string For(string subject, RunInfo info) =>
        string.Create(CultureInfo.InvariantCulture, $"{subject} - {info.Scenario}, {info.Paths:N0} paths, seed {info.Seed}");

    /// <summary>Unit of a daily metric, or an empty string for an unknown name.</summary>
    public static string DailyUnit(string metric) =>
        MetricCatalog.TryParseDaily(metric, out var m) ? MetricCatalog.Unit(m) : string.Empty;

    /// <summary>Unit of a summary, or an empty string for an unknown name.</summary>
    public static string SummaryUnit(string metric) =>
        MetricCatalog.TryParseSummary(metric, out var m) ? MetricCatalog.Unit(m) : string.Empty;

    /// <summary>Axis label "metric (unit)".</summary>
    public static string AxisLabel(string metric, string unit) => unit.Length == 0 ? metric : $"{metric} ({unit})";
}
