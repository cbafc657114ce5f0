using System.Globalization;
using MinerSim.Aggregation;

namespace MinerSim.Cli.Output;

/// <summary>The short table <c>minersim run</c> prints: p5/p50/p95 of the headline metrics at a few days, and the summaries.</summary>
internal static class RunConsoleTable
{
    private static readonly string[] Headline = ["miner_sales", "visible_pressure", "hashrate", "price"];

    public static void Write(TextWriter w, RunResult r)
    {
        var info = r.Info;
        w.WriteLine($"{info.Scenario}: {info.Paths:N0} paths x {info.Days} days, seed {info.Seed}, {info.QuantileMethod} quantiles, " +
                    $"{info.WallSeconds:F2} s, {info.PathDaysPerSecond / 1e6:F1} M path-days/s");
        int last = info.Days - 1;
        int[] days = [.. new[] { 0, 30, 90, 180, last }.Where(d => d <= last).Distinct()];
        w.WriteLine();
        w.WriteLine($"{"metric",-18}{"day",6}{"p5",14}{"p50",14}{"p95",14}");
        foreach (string metric in Headline)
        {
            var bands = r.Bands(metric);
            if (bands is null) continue;
            foreach (int d in days)
            {
                w.WriteLine($"{metric,-18}{d,6}{Num(bands.Quantile(d, 1)),14}{Num(bands.Quantile(d, 3)),14}{Num(bands.Quantile(d, 5)),14}");
            }
        }

        w.WriteLine();
        w.WriteLine($"{"summary",-20}{"p5",12}{"p50",12}{"p95",12}{"mean",12}{"es95",12}{"es99",12}");
        foreach (var s in r.Summaries)
        {
            w.WriteLine($"{s.Metric,-20}{Num(s.Quantiles[1]),12}{Num(s.Quantiles[3]),12}{Num(s.Quantiles[5]),12}{Num(s.Mean),12}{Num(s.Es95),12}{Num(s.Es99),12}");
        }
    }

    private static string Num(double v) => Math.Abs(v) >= 1000 ? v.ToString("N0", CultureInfo.InvariantCulture) : v.ToString("0.###", CultureInfo.InvariantCulture);
}
