using ScottPlot;

namespace MinerSim.Charts.Styling;

/// <summary>Colours and sizes shared by every chart, so the set looks like one family.</summary>
public static class ChartPalette
{
    /// <summary>Width of every chart in pixels.</summary>
    public const int Width = 1200;

    /// <summary>Height of every chart in pixels.</summary>
    public const int Height = 700;

    /// <summary>Font size of axis labels.</summary>
    public const float AxisLabelSize = 14;

    /// <summary>Main series colour (blue).</summary>
    public static Color Primary { get; } = Color.FromHex("#1f77b4");

    /// <summary>Second series colour (orange), for run B or the second metric.</summary>
    public static Color Secondary { get; } = Color.FromHex("#ff7f0e");

    /// <summary>Colours of the vertical markers on summary histograms: p5, p50, p95, ES95.</summary>
    public static IReadOnlyList<Color> Markers { get; } =
    [
        Color.FromHex("#2ca02c"), Color.FromHex("#000000"), Color.FromHex("#9467bd"), Color.FromHex("#d62728"),
    ];

    /// <summary>
    /// A new plot in the house style. The font is registered first because ScottPlot copies
    /// <see cref="Fonts.Default"/> into each label style when the plot is constructed.
    /// </summary>
    public static Plot NewPlot()
    {
        ChartFonts.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(ChartFonts.Family);
        plot.Axes.Title.Label.FontSize = 18;
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Bottom.Label.FontSize = AxisLabelSize;
        plot.Axes.Left.Label.FontSize = AxisLabelSize;
        plot.Legend.FontSize = 12;

        // Room on the right so the last date tick label is not cut off.
        plot.Axes.Right.MinimumSize = 40;
        return plot;
    }
}
