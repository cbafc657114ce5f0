using MinerSim.Backtests;
using MinerSim.Charts.Backtests;
using MinerSim.Charts.Styling;
using ScottPlot;

namespace MinerSim.Cli.Verbs;

/// <summary>Writes a backtest's folder: CSV files and charts (PNG and SVG).</summary>
internal static class BacktestFiles
{
    /// <summary>One origin: backtest.csv, baselines.csv, figures.csv, backtest.png and backtest.svg.</summary>
    public static void WriteOne(string dir, BacktestResult result)
    {
        File.WriteAllText(Path.Combine(dir, "backtest.csv"), BacktestText.RowsCsv(result));
        File.WriteAllText(Path.Combine(dir, "baselines.csv"), BacktestText.BaselinesCsv(result));
        File.WriteAllText(Path.Combine(dir, "figures.csv"), BacktestText.FiguresCsv(result));
        Save(BacktestChart.Fan(result), Path.Combine(dir, "backtest"));
    }

    /// <summary>Rolling origins: rolling.csv, summary.csv, error-by-origin.png/.svg, and one folder per origin as <see cref="WriteOne"/> writes it.</summary>
    public static void WriteRolling(string dir, RollingBacktest rolling, string scenarioName)
    {
        File.WriteAllText(Path.Combine(dir, "rolling.csv"), BacktestText.RollingCsv(rolling));
        File.WriteAllText(Path.Combine(dir, "summary.csv"), BacktestText.SummaryCsv(rolling));
        Save(BacktestChart.ErrorByOrigin(rolling, scenarioName), Path.Combine(dir, "error-by-origin"));
        foreach (var r in rolling.Results)
        {
            string sub = Path.Combine(dir, r.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(sub);
            WriteOne(sub, r);
        }
    }

    private static void Save(Plot plot, string stem)
    {
        File.WriteAllText(stem + ".svg", plot.GetSvgXml(ChartPalette.Width, ChartPalette.Height));
        File.WriteAllBytes(stem + ".png", plot.GetImageBytes(ChartPalette.Width, ChartPalette.Height, ImageFormat.Png));
    }
}
