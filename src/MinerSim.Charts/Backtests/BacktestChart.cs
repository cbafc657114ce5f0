using System.Globalization;
using MinerSim.Backtests;
using MinerSim.Charts.Styling;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace MinerSim.Charts.Backtests;

/// <summary>
/// The backtest charts: the real difficulty over the simulated fan with both baselines (log scale, one origin),
/// and the median error by origin against the baselines' (rolling origins).
/// </summary>
public static class BacktestChart
{
    private static readonly Color Real = Colors.Black;
    private static readonly Color Persistence = Color.FromHex("#7f7f7f");
    private static readonly Color Hashprice = ChartPalette.Secondary;

    /// <summary>Real against simulated difficulty at each real retarget of <paramref name="result"/>, log scale.</summary>
    public static Plot Fan(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = ChartPalette.NewPlot();
        var rows = result.Rows;
        double[] xs = [.. rows.Select(r => r.Date.ToDateTime(TimeOnly.MinValue).ToOADate())];
        double[] Log(Func<BacktestRow, double> f) => [.. rows.Select(r => Math.Log10(f(r) / 1e12))];

        var band = plot.Add.FillY(xs, Log(r => r.P5), Log(r => r.P95));
        band.FillColor = ChartPalette.Primary.WithAlpha(0.25);
        band.LineWidth = 0;
        band.LegendText = "simulated 5-95% of paths";
        Line(plot, xs, Log(r => r.P50), ChartPalette.Primary, 2, LinePattern.Solid, "simulated median");
        Line(plot, xs, Log(r => r.Persistence), Persistence, 1.5f, LinePattern.Solid, "baseline: difficulty as at the origin");
        Line(plot, xs, Log(r => r.ConstantHashprice), Hashprice, 1.5f, LinePattern.Solid, "baseline: constant hashprice");
        var real = plot.Add.Scatter(xs, Log(r => r.Real));
        real.Color = Real;
        real.LineWidth = 0;
        real.MarkerSize = 6;
        real.MarkerShape = MarkerShape.FilledCircle;
        real.LegendText = "real difficulty at each retarget";

        DateAxis(plot);
        LogAxis(plot, "difficulty, T (log scale)", new[] { Log(r => r.P5), Log(r => r.P95), Log(r => r.Real), Log(r => r.Persistence), Log(r => r.ConstantHashprice) }.SelectMany(v => v));
        plot.ShowLegend(Alignment.UpperLeft);
        var m = result.Model;
        plot.Title($"{result.Scenario.Name}: difficulty {result.From:yyyy-MM-dd} .. {result.To:yyyy-MM-dd}, {result.Paths:N0} paths "
            + $"(median |ln error| {m.Median:F3}, in band {result.Coverage:P0})");
        return plot;
    }

    /// <summary>Each origin's median |ln(forecast / real)| for the model and both baselines; the out-of-sample origins shaded.</summary>
    public static Plot ErrorByOrigin(RollingBacktest rolling, string scenarioName)
    {
        ArgumentNullException.ThrowIfNull(rolling);
        var plot = ChartPalette.NewPlot();
        var results = rolling.Results;
        double[] xs = [.. results.Select(r => r.From.ToDateTime(TimeOnly.MinValue).ToOADate())];
        if (results.Any(r => r.From >= rolling.FitEnd) && xs.Length > 0)
        {
            double start = rolling.FitEnd.ToDateTime(TimeOnly.MinValue).ToOADate();
            var span = plot.Add.HorizontalSpan(start - 45, xs[^1] + 45);
            span.FillStyle.Color = ChartPalette.Primary.WithAlpha(0.08);
            span.LineStyle.Width = 0;
            span.LegendText = $"out of sample (origins from {rolling.FitEnd:yyyy-MM-dd})";
        }

        Line(plot, xs, [.. results.Select(r => r.Model.Median)], ChartPalette.Primary, 2, LinePattern.Solid, "model (simulated median)", markers: true);
        Line(plot, xs, [.. results.Select(r => r.Persistence.Median)], Persistence, 1.5f, LinePattern.Solid, "baseline: difficulty as at the origin", markers: true);
        Line(plot, xs, [.. results.Select(r => r.ConstantHashprice.Median)], Hashprice, 1.5f, LinePattern.Solid, "baseline: constant hashprice", markers: true);

        DateAxis(plot);
        plot.XLabel("origin");
        plot.YLabel("median |ln(forecast / real difficulty)| over the horizon");
        double top = results.SelectMany(r => new[] { r.Model.Median, r.Persistence.Median, r.ConstantHashprice.Median }).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimitsY(0, top * 1.15);
        if (xs.Length > 0) plot.Axes.SetLimitsX(xs[0] - 45, xs[^1] + 45);
        plot.ShowLegend(Alignment.UpperRight);
        plot.Title($"{scenarioName}: backtest error by origin");
        return plot;
    }

    private static void Line(Plot plot, double[] xs, double[] ys, Color color, float width, LinePattern pattern, string legend, bool markers = false)
    {
        var s = plot.Add.Scatter(xs, ys);
        s.Color = color;
        s.LineWidth = width;
        s.LinePattern = pattern;
        s.MarkerSize = markers ? 6 : 0;
        s.LegendText = legend;
    }

    private static void DateAxis(Plot plot)
    {
        var axis = plot.Axes.DateTimeTicksBottom();
        if (axis.TickGenerator is DateTimeAutomatic ticks)
        {
            ticks.LabelFormatter = d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        plot.XLabel("date");
        plot.Axes.Bottom.Label.FontSize = ChartPalette.AxisLabelSize;
    }

    /// <summary>A left axis of log10 values labelled with the plain values: 1, 1.5, 2, 3, 5 and 7 times each power of ten within the data.</summary>
    private static void LogAxis(Plot plot, string label, IEnumerable<double> logValues)
    {
        var finite = logValues.Where(double.IsFinite).ToArray();
        double lo = finite.Length > 0 ? finite.Min() : 0, hi = finite.Length > 0 ? finite.Max() : 1;
        double pad = Math.Max(0.02, 0.05 * (hi - lo));
        lo -= pad;
        hi += pad;
        var ticks = new NumericManual();
        for (int k = (int)Math.Floor(lo) - 1; k <= (int)Math.Ceiling(hi); k++)
        {
            foreach (double step in (double[])[1, 1.5, 2, 3, 5, 7])
            {
                double value = step * Math.Pow(10, k);
                double y = Math.Log10(value);
                if (y >= lo && y <= hi) ticks.AddMajor(y, value.ToString(value < 10 ? "0.##" : "N0", CultureInfo.InvariantCulture));
            }
        }

        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.SetLimitsY(lo, hi);
        plot.YLabel(label);
    }
}
