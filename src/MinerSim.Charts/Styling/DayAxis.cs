using System.Globalization;
using MinerSim.Aggregation;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace MinerSim.Charts.Styling;

/// <summary>The horizontal axis of daily charts: calendar dates when the run has a start date, else day numbers.</summary>
internal static class DayAxis
{
    /// <summary>X coordinates of days 0 .. <paramref name="days"/> - 1 (OLE dates when dated).</summary>
    public static double[] Xs(RunInfo info, int days)
    {
        var xs = new double[days];
        DateTime? start = info.StartDate?.ToDateTime(TimeOnly.MinValue);
        for (int d = 0; d < days; d++)
        {
            xs[d] = start is { } s ? s.AddDays(d).ToOADate() : d;
        }

        return xs;
    }

    /// <summary>Sets tick style and label of the bottom axis.</summary>
    public static void Configure(Plot plot, RunInfo info, double[] xs)
    {
        if (info.StartDate is not null)
        {
            // Replaces the bottom axis, so the house label size is set again.
            var axis = plot.Axes.DateTimeTicksBottom();
            if (axis.TickGenerator is DateTimeAutomatic ticks)
            {
                // ISO dates: unambiguous for every reader (the default is US month/day/year).
                ticks.LabelFormatter = d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            plot.XLabel("date");
            plot.Axes.Bottom.Label.FontSize = ChartPalette.AxisLabelSize;
        }
        else
        {
            plot.XLabel("day");
        }

        if (xs.Length > 1)
        {
            plot.Axes.SetLimitsX(xs[0], xs[^1]);
        }
    }
}
