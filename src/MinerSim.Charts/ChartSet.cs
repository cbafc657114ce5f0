using MinerSim.Aggregation;
using MinerSim.Charts.Fans;
using MinerSim.Charts.Files;
using MinerSim.Charts.Histograms;
using MinerSim.Charts.Overlays;

namespace MinerSim.Charts;

/// <summary>
/// Every chart of a run folder: a fan chart per daily metric, the pressure-vs-ETF overlay, the
/// capitulation share and a histogram per summary, as PNG and SVG.
/// </summary>
public static class ChartSet
{
    /// <summary>
    /// Daily metrics that get a fan chart, most important first (the report keeps this order).
    /// <c>ribbon_inverted</c> is 0 or 1 on each path, so its fan says nothing; its daily mean is
    /// the capitulation-share chart instead.
    /// </summary>
    public static IReadOnlyList<string> FanMetrics { get; } =
    [
        "miner_sales", "visible_pressure", "hashrate", "difficulty_hashrate", "hashprice",
        "price", "miner_inventory", "etf_flow", "active_share",
    ];

    /// <summary>Writes every chart as <c>NAME.png</c> and <c>NAME.svg</c> into <paramref name="dir"/>.</summary>
    /// <returns>The paths written, in report order.</returns>
    public static IReadOnlyList<string> WriteAll(string dir, RunResult result)
    {
        Directory.CreateDirectory(dir);
        var files = new List<string>();
        foreach (var spec in Specs(result))
        {
            using var plot = spec.Build();
            if (plot is not null)
            {
                files.AddRange(PlotFiles.Write(dir, spec.Name, plot));
            }
        }

        return files;
    }

    /// <summary>Every chart rendered as SVG text, in report order (nothing is written).</summary>
    public static IReadOnlyList<ChartSvg> RenderSvgs(RunResult result)
    {
        var svgs = new List<ChartSvg>();
        foreach (var spec in Specs(result))
        {
            using var plot = spec.Build();
            if (plot is not null)
            {
                svgs.Add(new ChartSvg(spec.Name, PlotFiles.Svg(plot)));
            }
        }

        return svgs;
    }

    internal static IEnumerable<ChartSpec> Specs(RunResult result)
    {
        foreach (string metric in FanMetrics)
        {
            if (result.Bands(metric) is { } bands)
            {
                yield return new ChartSpec(FanChart.Name(metric), () => FanChart.Create(result.Info, bands));
            }
        }

        yield return new ChartSpec(PressureVsEtfChart.Name, () => PressureVsEtfChart.Create(result));
        yield return new ChartSpec(CapitulationShareChart.Name, () => CapitulationShareChart.Create(result));

        foreach (var histogram in result.Histograms)
        {
            var stats = result.Summaries.FirstOrDefault(s => s.Metric == histogram.Metric);
            yield return new ChartSpec(SummaryHistogramChart.Name(histogram.Metric), () => SummaryHistogramChart.Create(result.Info, histogram, stats));
        }
    }
}
