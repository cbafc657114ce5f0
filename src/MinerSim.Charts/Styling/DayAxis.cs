using MinerSim.Aggregation;
using ScottPlot;

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
    public static void Configure(Plot plot, RunInfo info)
    {
        if (info.StartDate is not null)
        {
            plot.Axes.DateTimeTicksBottom();
            plot.XLabel("date");
        }
        else
        {
            plot.XLabel("day");
        }
    }
}
