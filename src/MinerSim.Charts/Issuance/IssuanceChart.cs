using MinerSim.Charts.Styling;
using MinerSim.Questions;
using ScottPlot;

namespace MinerSim.Charts.Issuance;

/// <summary>
/// Daily issuance (miner production, BTC a day) across paths: the 5-95% band, the median, and a
/// vertical line on the median day of the halving, where the step shows.
/// </summary>
public static class IssuanceChart
{
    /// <summary>Builds the chart; x is the day index.</summary>
    public static Plot Build(IssuanceBands bands, string title)
    {
        ArgumentNullException.ThrowIfNull(bands);
        ChartFonts.EnsureRegistered();
        var plot = new Plot();
        double[] xs = [.. Enumerable.Range(0, bands.P50.Length).Select(d => (double)d)];
        var fill = plot.Add.FillY(xs, bands.P5, bands.P95);
        fill.FillColor = Color.FromHex("#4C72B0").WithAlpha(0.25);
        fill.LineWidth = 0;
        fill.LegendText = "5-95% of paths";
        var median = plot.Add.ScatterLine(xs, bands.P50);
        median.Color = Color.FromHex("#4C72B0");
        median.LineWidth = 2;
        median.LegendText = "median";
        if (bands.MedianHalvingDay is int day)
        {
            var line = plot.Add.VerticalLine(day);
            line.Color = Colors.Black;
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = $"halving (median day {day})";
        }

        plot.ShowLegend(Alignment.UpperRight);
        plot.Title(title);
        plot.XLabel("day");
        plot.YLabel("issuance, BTC/day (blocks x (subsidy + fees))");
        plot.Axes.SetLimitsY(0, bands.P95.Max() * 1.1);
        return plot;
    }
}
