using MinerSim.Aggregation;
using MinerSim.Charts.Fans;
using MinerSim.Charts.Styling;
using ScottPlot;

namespace MinerSim.Charts.Overlays;

/// <summary>
/// Share of paths in hash-ribbon capitulation per day: the daily mean of the 0/1 metric
/// <c>ribbon_inverted</c>, shown in percent.
/// </summary>
public static class CapitulationShareChart
{
    /// <summary>File stem of the chart.</summary>
    public const string Name = "capitulation-share";

    /// <summary>Builds the chart, or returns null when the run lacks <c>ribbon_inverted</c>.</summary>
    public static Plot? Create(RunResult result)
    {
        var ribbon = result.Bands("ribbon_inverted");
        if (ribbon is null)
        {
            return null;
        }

        var plot = ChartPalette.NewPlot();
        double[] xs = DayAxis.Xs(result.Info, ribbon.Days);
        double[] percent = ribbon.MeanSeries().Select(v => 100 * v).ToArray();
        FanLayers.Line(plot, xs, percent, ChartPalette.Primary, 2.5f, dashed: false, "paths with 30-day SMA of H below the 60-day SMA");

        plot.Title(ChartTitles.For("capitulation share", result.Info));
        DayAxis.Configure(plot, result.Info, xs);
        plot.YLabel("share of paths (%)");
        plot.Axes.SetLimitsY(0, 100);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
