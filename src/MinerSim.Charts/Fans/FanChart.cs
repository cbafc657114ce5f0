using MinerSim.Aggregation;
using MinerSim.Charts.Styling;
using ScottPlot;

namespace MinerSim.Charts.Fans;

/// <summary>
/// The fan chart of one daily metric: bands 1-99, 5-95 and 25-75 percent, the median and the
/// dashed mean, over calendar dates when the run has a start date.
/// </summary>
public static class FanChart
{
    /// <summary>File stem of the fan chart of <paramref name="metric"/>.</summary>
    public static string Name(string metric) => "fan-" + metric;

    /// <summary>Builds the chart; the caller renders and disposes it.</summary>
    public static Plot Create(RunInfo info, DailyBands bands)
    {
        var plot = ChartPalette.NewPlot();
        double[] xs = DayAxis.Xs(info, bands.Days);
        var color = ChartPalette.Primary;
        FanLayers.AllBands(plot, xs, bands, color, string.Empty);
        FanLayers.Median(plot, xs, bands, color, "median");
        FanLayers.Mean(plot, xs, bands, Colors.Black, "mean");

        plot.Title(ChartTitles.For(bands.Metric, info));
        DayAxis.Configure(plot, info, xs);
        plot.YLabel(ChartTitles.AxisLabel(bands.Metric, ChartTitles.DailyUnit(bands.Metric)));
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
