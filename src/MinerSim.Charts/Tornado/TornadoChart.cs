using MinerSim.Charts.Styling;
using System.Globalization;
using MinerSim.Questions;
using ScottPlot;

namespace MinerSim.Charts.Tornado;

/// <summary>
/// A tornado chart of a <see cref="SensitivityResult"/>: one row per parameter, largest effect at
/// the top, a bar from the base value to the metric with the parameter moved down and one to the
/// metric with it moved up, and a vertical line at the base value.
/// </summary>
public static class TornadoChart
{
    private static readonly Color Down = Color.FromHex("#4C72B0");
    private static readonly Color Up = Color.FromHex("#DD8452");

    /// <summary>Builds the chart.</summary>
    /// <param name="result">The sensitivity result (rows already sorted, largest first).</param>
    /// <param name="title">Chart title.</param>
    /// <param name="axisLabel">Label of the metric axis (name and unit).</param>
    public static Plot Build(SensitivityResult result, string title, string axisLabel)
    {
        ArgumentNullException.ThrowIfNull(result);
        ChartFonts.EnsureRegistered();
        var plot = new Plot();
        int n = result.Rows.Count;
        var bars = new List<Bar>();
        var positions = new double[n];
        var labels = new string[n];
        for (int i = 0; i < n; i++)
        {
            var row = result.Rows[i];
            double y = n - 1 - i;
            positions[i] = y;
            labels[i] = row.Parameter;
            bars.Add(new Bar { Position = y, ValueBase = result.Base, Value = row.Low, FillColor = Down, Size = 0.7 });
            bars.Add(new Bar { Position = y, ValueBase = result.Base, Value = row.High, FillColor = Up, Size = 0.7 });
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        var line = plot.Add.VerticalLine(result.Base);
        line.Color = Colors.Black;
        line.LineWidth = 1.5f;

        string pct = (result.Delta * 100).ToString("0.##", CultureInfo.InvariantCulture);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"parameter x(1 - {pct}%)", FillColor = Down });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"parameter x(1 + {pct}%)", FillColor = Up });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "base " + result.Base.ToString("G4", CultureInfo.InvariantCulture), LineColor = Colors.Black, LineWidth = 1.5f });
        plot.ShowLegend(Alignment.LowerRight);

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Title(title);
        plot.XLabel(axisLabel);
        plot.Axes.Margins(horizontal: 0.08, vertical: 0.08);
        return plot;
    }

    /// <summary>Height in pixels that fits <paramref name="rows"/> rows.</summary>
    public static int HeightFor(int rows) => Math.Max(320, 140 + 44 * rows);

    /// <summary>Renders <paramref name="plot"/> as an SVG document.</summary>
    public static string Svg(Plot plot, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        return plot.GetSvgXml(width, height);
    }

    /// <summary>Renders <paramref name="plot"/> as PNG bytes.</summary>
    public static byte[] Png(Plot plot, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }
}
