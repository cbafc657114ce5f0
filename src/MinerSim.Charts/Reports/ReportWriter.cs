using System.Globalization;
using System.Net;
using System.Text;
using MinerSim.Aggregation;
using MinerSim.Charts.Files;
using MinerSim.Charts.Styling;

namespace MinerSim.Charts.Reports;

/// <summary>
/// The morning report: one self-contained <c>report.html</c> with the run's facts, the summary
/// table, key-day percentiles, every chart inline as SVG and the scenario's parameters. It has no
/// scripts and no external links, so it opens offline and can be mailed as one file.
/// </summary>
public static class ReportWriter
{
    /// <summary>File name of the report inside a run folder.</summary>
    public const string FileName = "report.html";

    /// <summary>Days shown in the key-day table (the last day is added; days past the horizon are dropped).</summary>
    public static IReadOnlyList<int> KeyDays { get; } = [0, 30, 90, 180];

    /// <summary>Renders the charts and writes <c>report.html</c> into <paramref name="dir"/> atomically.</summary>
    /// <returns>The path written.</returns>
    public static string Write(string dir, RunResult result, string scenarioJson) =>
        Write(dir, result, scenarioJson, ChartSet.RenderSvgs(result));

    /// <summary>Writes <c>report.html</c> with charts already rendered.</summary>
    /// <returns>The path written.</returns>
    public static string Write(string dir, RunResult result, string scenarioJson, IReadOnlyList<ChartSvg> charts)
    {
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, FileName);
        AtomicFile.WriteAllText(path, Render(result, scenarioJson, charts));
        return path;
    }

    /// <summary>The report page as a string.</summary>
    public static string Render(RunResult result, string scenarioJson, IReadOnlyList<ChartSvg> charts)
    {
        var info = result.Info;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>MinerSim report - {E(info.Scenario)}</title>\n");
        html.Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>MinerSim report: {E(info.Scenario)}</h1>\n");

        html.Append("<h2>Run</h2>\n");
        HtmlTable.Write(html, ["fact", "value"], Facts(info).Select(f => new[] { f.Name, f.Value }), numericFrom: 99);

        html.Append("<h2>Per-path summaries</h2>\n");
        html.Append("<p>Distribution across paths of each path's summary over the horizon; es95 and es99 are the mean of the worst 5% and 1% of paths.</p>\n");
        HtmlTable.Write(html, ["metric", "unit", .. QuantileLevels.Names, "mean", "es95", "es99"], result.Summaries.Select(SummaryRow), numericFrom: 2);

        html.Append("<h2>Daily metrics at key days</h2>\n");
        HtmlTable.Write(html, ["metric", "unit", "day", "date", "p5", "p50", "p95"], KeyDayRows(result), numericFrom: 2);

        html.Append("<h2>Charts</h2>\n");
        for (int i = 0; i < charts.Count; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<figure id=\"{E(charts[i].Name)}\">\n");
            html.Append(SvgInliner.Inline(charts[i].Svg, $"c{i}-")).Append('\n');
            html.Append(CultureInfo.InvariantCulture, $"<figcaption>{E(charts[i].Name)}</figcaption>\n</figure>\n");
        }

        html.Append("<h2>Scenario</h2>\n");
        if (ScenarioTable.Rows(scenarioJson) is { } rows)
        {
            HtmlTable.Write(html, ["parameter", "value"], rows.Select(r => new[] { r.Parameter, r.Value }), numericFrom: 99);
        }

        html.Append("<details><summary>scenario.json</summary>\n<pre>").Append(E(scenarioJson)).Append("</pre>\n</details>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static IEnumerable<(string Name, string Value)> Facts(RunInfo info)
    {
        var c = CultureInfo.InvariantCulture;
        yield return ("scenario", info.Scenario);
        yield return ("scenario SHA-256", info.ScenarioHash);
        yield return ("seed", info.Seed.ToString(c));
        yield return ("paths", info.Paths.ToString("N0", c));
        yield return ("days", info.Days.ToString(c));
        yield return ("start date", info.StartDate?.ToString("yyyy-MM-dd", c) ?? "not given");
        yield return ("quantile method", info.QuantileMethod);
        yield return ("engine version", info.EngineVersion);
        yield return ("wall time", info.WallSeconds.ToString("F1", c) + " s");
        yield return ("speed", (info.PathDaysPerSecond / 1e6).ToString("F1", c) + " M path-days/s");
        yield return ("threads", info.Threads.ToString(c));
    }

    private static string[] SummaryRow(SummaryStatistics s) =>
        [s.Metric, ChartTitles.SummaryUnit(s.Metric), .. s.Quantiles.Select(NumberText.Format), NumberText.Format(s.Mean), NumberText.Format(s.Es95), NumberText.Format(s.Es99)];

    private static IEnumerable<string[]> KeyDayRows(RunResult result)
    {
        var info = result.Info;
        var days = KeyDays.Append(info.Days - 1).Where(d => d >= 0 && d < info.Days).Distinct().Order().ToList();
        foreach (string metric in ChartSet.FanMetrics)
        {
            if (result.Bands(metric) is not { } bands)
            {
                continue;
            }

            foreach (int day in days.Where(d => d < bands.Days))
            {
                string date = info.StartDate?.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
                yield return
                [
                    metric, ChartTitles.DailyUnit(metric), day.ToString(CultureInfo.InvariantCulture), date,
                    NumberText.Format(bands.Quantile(day, 1)), NumberText.Format(bands.Quantile(day, QuantileLevels.Median)), NumberText.Format(bands.Quantile(day, 5)),
                ];
            }
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        body { font-family: "DejaVu Sans", Verdana, sans-serif; margin: 2em auto; max-width: 1240px; color: #222; }
        h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ccc; }
        table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
        th, td { border: 1px solid #ddd; padding: 0.25em 0.6em; text-align: left; }
        th { background: #f2f2f2; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 1.5em 0; } figure svg { width: 100%; height: auto; }
        figcaption { font-size: 0.85em; color: #666; }
        pre { background: #f7f7f7; padding: 1em; overflow-x: auto; }

        """;
}
