using MinerSim.Aggregation;
using MinerSim.Charts.Fans;
using MinerSim.Charts.Styling;
using ScottPlot;

namespace MinerSim.Charts.Overlays;

/// <summary>
/// Market-visible miner sell pressure against ETF net flow on one BTC/day axis: is the miners'
/// selling large next to what the ETFs absorb or release?
/// </summary>
public static class PressureVsEtfChart
{
    /// <summary>File stem of the chart.</summary>
    public const string Name = "pressure-vs-etf";

    /// <summary>Builds the chart, or returns null when the run lacks either metric.</summary>
    public static Plot? Create(RunResult result)
    {
        var pressure = result.Bands("visible_pressure");
        var etf = result.Bands("etf_flow");
        if (pressure is null || etf is null)
        {
            return null;
        }

        var plot = ChartPalette.NewPlot();
        double[] xs = DayAxis.Xs(result.Info, pressure.Days);
        // ETF flows first: their wide bands are the background against which miner pressure is read.
        foreach (var (bands, color) in new[] { (etf, ChartPalette.Secondary), (pressure, ChartPalette.Primary) })
        {
            FanLayers.OuterBand(plot, xs, bands, color, bands.Metric + " ");
            FanLayers.Band(plot, xs, bands, 2, 4, color, 0.40, bands.Metric + " 25-75%");
            FanLayers.Median(plot, xs, bands, color, bands.Metric + " median");
        }

        plot.Add.HorizontalLine(0, width: 1, color: Colors.Gray);
        plot.Title(ChartTitles.For("visible_pressure vs etf_flow", result.Info));
        DayAxis.Configure(plot, result.Info, xs);
        plot.YLabel("BTC/day");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }
}
