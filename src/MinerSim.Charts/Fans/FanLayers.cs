using MinerSim.Aggregation;
using ScottPlot;

namespace MinerSim.Charts.Fans;

/// <summary>Draws the pieces of a fan (quantile bands and centre lines) onto a plot.</summary>
internal static class FanLayers
{
    private const int P1 = 0, P5 = 1, P25 = 2, P75 = 4, P95 = 5, P99 = 6;

    /// <summary>A filled band between two quantile levels.</summary>
    public static void Band(Plot plot, double[] xs, DailyBands bands, int lower, int upper, Color color, double opacity, string legend)
    {
        var fill = plot.Add.FillY(xs, bands.Series(lower), bands.Series(upper));
        fill.FillColor = color.WithOpacity(opacity);
        fill.LineWidth = 0;
        fill.LegendText = legend;
    }

    /// <summary>The three nested bands 1-99, 5-95 and 25-75, increasingly opaque.</summary>
    public static void AllBands(Plot plot, double[] xs, DailyBands bands, Color color, string prefix)
    {
        Band(plot, xs, bands, P1, P99, color, 0.15, prefix + "1-99%");
        Band(plot, xs, bands, P5, P95, color, 0.25, prefix + "5-95%");
        Band(plot, xs, bands, P25, P75, color, 0.40, prefix + "25-75%");
    }

    /// <summary>The 5-95 band only (for overlays, where three bands per series would be unreadable).</summary>
    public static void OuterBand(Plot plot, double[] xs, DailyBands bands, Color color, string prefix) =>
        Band(plot, xs, bands, P5, P95, color, 0.25, prefix + "5-95%");

    /// <summary>A line without markers.</summary>
    public static void Line(Plot plot, double[] xs, double[] ys, Color color, float width, bool dashed, string legend)
    {
        var line = plot.Add.ScatterLine(xs, ys);
        line.Color = color;
        line.LineWidth = width;
        line.MarkerSize = 0;
        line.LegendText = legend;
        if (dashed)
        {
            line.LinePattern = LinePattern.Dashed;
        }
    }

    /// <summary>The median as a solid line.</summary>
    public static void Median(Plot plot, double[] xs, DailyBands bands, Color color, string legend) =>
        Line(plot, xs, bands.Series(QuantileLevels.Median), color, 2.5f, dashed: false, legend);

    /// <summary>The mean as a dashed line.</summary>
    public static void Mean(Plot plot, double[] xs, DailyBands bands, Color color, string legend) =>
        Line(plot, xs, bands.MeanSeries(), color, 1.5f, dashed: true, legend);
}
