using System.Globalization;
using MinerSim.Aggregation;
using MinerSim.Charts.Styling;
using ScottPlot;

namespace MinerSim.Charts.Histograms;

/// <summary>
/// Histogram of one per-path summary with vertical markers at p5, p50, p95 and the expected
/// shortfall ES95, each named with its value in the legend.
/// </summary>
public static class SummaryHistogramChart
{
    /// <summary>File stem of the histogram of <paramref name="metric"/>.</summary>
    public static string Name(string metric) => "hist-" + metric;

    /// <summary>Builds the chart; <paramref name="stats"/> adds the markers when given.</summary>
    public static Plot Create(RunInfo info, Histogram histogram, SummaryStatistics? stats)
    {
        var plot = ChartPalette.NewPlot();
        var bars = new List<Bar>(histogram.Counts.Count);
        for (int i = 0; i < histogram.Counts.Count; i++)
        {
            double lo = histogram.Edges[i], hi = histogram.Edges[i + 1];
            bars.Add(new Bar
            {
                Position = (lo + hi) / 2,
                Value = histogram.Counts[i],
                Size = hi - lo,
                FillColor = ChartPalette.Primary.WithOpacity(0.6),
                LineWidth = 0,
            });
        }

        plot.Add.Bars(bars);

        if (stats is not null)
        {
            var markers = new (string Label, double Value, bool Dashed)[]
            {
                ("p5", stats.Quantiles[1], false),
                ("p50", stats.Quantiles[QuantileLevels.Median], false),
                ("p95", stats.Quantiles[5], false),
                ("ES95", stats.Es95, true),
            };
            for (int i = 0; i < markers.Length; i++)
            {
                var (label, value, dashed) = markers[i];
                var line = plot.Add.VerticalLine(value);
                line.Color = ChartPalette.Markers[i];
                line.LineWidth = 2;
                line.LegendText = string.Create(CultureInfo.InvariantCulture, $"{label} = {value:G4}");
                if (dashed)
                {
                    line.LinePattern = LinePattern.Dashed;
                }
            }
        }

        plot.Axes.Margins(bottom: 0);
        plot.Title(ChartTitles.For(histogram.Metric, info));
        plot.XLabel(ChartTitles.AxisLabel(histogram.Metric, ChartTitles.SummaryUnit(histogram.Metric)));
        plot.YLabel("paths");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
