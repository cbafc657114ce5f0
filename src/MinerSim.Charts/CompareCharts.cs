using MinerSim.Aggregation;
using MinerSim.Charts.Fans;
using MinerSim.Charts.Files;
using MinerSim.Charts.Styling;
using ScottPlot;

namespace MinerSim.Charts;

/// <summary>
/// Two runs on one axis per daily metric: each run's 5-95 band and median, run A in blue and
/// run B in orange (<c>compare-METRIC.png/.svg</c>).
/// </summary>
public static class CompareCharts
{
    /// <summary>File stem of the comparison chart of <paramref name="metric"/>.</summary>
    public static string Name(string metric) => "compare-" + metric;

    /// <summary>
    /// Writes a comparison chart for every daily metric both runs have (except the 0/1
    /// <c>ribbon_inverted</c>, whose mean is compared instead), into <paramref name="dir"/>.
    /// </summary>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> WriteAll(string dir, RunResult a, RunResult b, string labelA, string labelB)
    {
        Directory.CreateDirectory(dir);
        var files = new List<string>();
        foreach (var bandsA in a.Daily)
        {
            if (b.Bands(bandsA.Metric) is not { } bandsB)
            {
                continue;
            }

            using var plot = Create(b.Info, bandsA, labelA, bandsB, labelB);
            files.AddRange(PlotFiles.Write(dir, Name(bandsA.Metric), plot));
        }

        return files;
    }

    /// <summary>Builds the overlay of one metric; dates come from <paramref name="info"/> (run B).</summary>
    public static Plot Create(RunInfo info, DailyBands a, string labelA, DailyBands b, string labelB)
    {
        var plot = ChartPalette.NewPlot();
        int days = Math.Min(a.Days, b.Days);
        double[] xs = DayAxis.Xs(info, days);
        bool binary = a.Metric == "ribbon_inverted";
        foreach (var (bands, label, color) in new[] { (a, labelA, ChartPalette.Primary), (b, labelB, ChartPalette.Secondary) })
        {
            if (binary)
            {
                FanLayers.Line(plot, xs, bands.MeanSeries()[..days], color, 2.5f, dashed: false, label + " mean");
                continue;
            }

            var clipped = Clip(bands, days);
            FanLayers.OuterBand(plot, xs, clipped, color, label + " ");
            FanLayers.Median(plot, xs, clipped, color, label + " median");
        }

        plot.Title($"{a.Metric} - {labelA} vs {labelB}");
        DayAxis.Configure(plot, info, xs);
        plot.YLabel(ChartTitles.AxisLabel(a.Metric, ChartTitles.DailyUnit(a.Metric)));
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static DailyBands Clip(DailyBands bands, int days)
    {
        if (bands.Days == days)
        {
            return bands;
        }

        var clipped = new DailyBands(bands.Metric, days);
        for (int d = 0; d < days; d++)
        {
            bands.QuantilesOf(d).CopyTo(clipped.QuantilesOf(d));
            clipped.SetMean(d, bands.Mean(d));
        }

        return clipped;
    }
}
