using System.Globalization;
using System.Text;
using MinerSim.Aggregation;

namespace MinerSim.Cli.Output;

/// <summary>
/// Compares two runs (A, the baseline, and B): checks they are comparable and writes
/// <c>compare.csv</c> with A's and B's p5/p50/p95 and mean and the change B - A, for chosen days
/// of every daily metric and for every per-path summary (with ES95).
/// </summary>
internal static class RunComparison
{
    public const string FileName = "compare.csv";

    public const string Header =
        "kind,metric,day,a_p5,a_p50,a_p95,a_mean,b_p5,b_p50,b_p95,b_mean,change_p5,change_p50,change_p95,change_mean,a_es95,b_es95,change_es95";

    private const int P5 = 1, P95 = 5;

    /// <summary>Throws a one-line <see cref="InvalidDataException"/> when the runs cannot be compared.</summary>
    public static void EnsureCompatible(RunResult a, string nameA, RunResult b, string nameB)
    {
        if (a.Info.Days != b.Info.Days)
        {
            throw new InvalidDataException($"cannot compare: {nameA} has {a.Info.Days} days, {nameB} has {b.Info.Days}");
        }

        Same("daily metric", a.Daily.Select(d => d.Metric), nameA, b.Daily.Select(d => d.Metric), nameB);
        Same("summary", a.Summaries.Select(s => s.Metric), nameA, b.Summaries.Select(s => s.Metric), nameB);
    }

    /// <summary>The default days: 30, 90, 180 and the last day, within the horizon.</summary>
    public static IReadOnlyList<int> DefaultDays(int days) =>
        new[] { 30, 90, 180, days - 1 }.Where(d => d >= 0 && d < days).Distinct().Order().ToList();

    /// <summary>The content of <c>compare.csv</c>.</summary>
    public static string Csv(RunResult a, RunResult b, IReadOnlyList<int> days)
    {
        var csv = new StringBuilder().Append(Header).Append('\n');
        foreach (var bandsA in a.Daily)
        {
            var bandsB = b.Bands(bandsA.Metric)!;
            foreach (int day in days)
            {
                var qa = bandsA.QuantilesOf(day);
                var qb = bandsB.QuantilesOf(day);
                Row(csv, "daily", bandsA.Metric, CsvNumbers.Format(day),
                    [qa[P5], qa[QuantileLevels.Median], qa[P95], bandsA.Mean(day)],
                    [qb[P5], qb[QuantileLevels.Median], qb[P95], bandsB.Mean(day)], es: null);
            }
        }

        foreach (var sa in a.Summaries)
        {
            var sb = b.Summaries.First(s => s.Metric == sa.Metric);
            Row(csv, "summary", sa.Metric, string.Empty,
                [sa.Quantiles[P5], sa.Quantiles[QuantileLevels.Median], sa.Quantiles[P95], sa.Mean],
                [sb.Quantiles[P5], sb.Quantiles[QuantileLevels.Median], sb.Quantiles[P95], sb.Mean], (sa.Es95, sb.Es95));
        }

        return csv.ToString();
    }

    /// <summary>A short table for the console: the summaries' p50 and ES95, and sell pressure at the chosen days.</summary>
    public static IEnumerable<string> Table(RunResult a, RunResult b, IReadOnlyList<int> days)
    {
        yield return $"{"summary",-20} {"p50 A",11} {"p50 B",11} {"change",9}   {"es95 A",11} {"es95 B",11} {"change",9}";
        foreach (var sa in a.Summaries)
        {
            var sb = b.Summaries.First(s => s.Metric == sa.Metric);
            double ma = sa.Quantiles[QuantileLevels.Median], mb = sb.Quantiles[QuantileLevels.Median];
            yield return $"{sa.Metric,-20} {N(ma),11} {N(mb),11} {Pct(ma, mb),9}   {N(sa.Es95),11} {N(sb.Es95),11} {Pct(sa.Es95, sb.Es95),9}";
        }

        foreach (string metric in new[] { "miner_sales", "visible_pressure" })
        {
            if (a.Bands(metric) is not { } ba || b.Bands(metric) is not { } bb)
            {
                continue;
            }

            yield return string.Empty;
            yield return $"{metric + " p50",-20} {"A",11} {"B",11} {"change",9}";
            foreach (int day in days)
            {
                double ma = ba.Quantile(day, QuantileLevels.Median), mb = bb.Quantile(day, QuantileLevels.Median);
                yield return $"{"  day " + day.ToString(CultureInfo.InvariantCulture),-20} {N(ma),11} {N(mb),11} {Pct(ma, mb),9}";
            }
        }
    }

    private static void Row(StringBuilder csv, string kind, string metric, string day, double[] a, double[] b, (double A, double B)? es)
    {
        csv.Append(kind).Append(',').Append(metric).Append(',').Append(day);
        foreach (double v in a.Concat(b).Concat(a.Zip(b, (x, y) => y - x)))
        {
            csv.Append(',').Append(CsvNumbers.Format(v));
        }

        if (es is { } e)
        {
            csv.Append(',').Append(CsvNumbers.Format(e.A)).Append(',').Append(CsvNumbers.Format(e.B)).Append(',').Append(CsvNumbers.Format(e.B - e.A));
        }
        else
        {
            csv.Append(",,,");
        }

        csv.Append('\n');
    }

    private static void Same(string kind, IEnumerable<string> a, string nameA, IEnumerable<string> b, string nameB)
    {
        var setB = b.ToHashSet();
        var setA = a.ToHashSet();
        if (setA.FirstOrDefault(m => !setB.Contains(m)) is { } onlyA)
        {
            throw new InvalidDataException($"cannot compare: {kind} '{onlyA}' is in {nameA} but missing from {nameB}");
        }

        if (setB.FirstOrDefault(m => !setA.Contains(m)) is { } onlyB)
        {
            throw new InvalidDataException($"cannot compare: {kind} '{onlyB}' is in {nameB} but missing from {nameA}");
        }
    }

    private static string N(double v) => v.ToString(Math.Abs(v) >= 1e4 ? "N0" : "G4", CultureInfo.InvariantCulture);

    private static string Pct(double a, double b) =>
        a == 0 ? (b == 0 ? "0%" : "n/a") : ((b - a) / Math.Abs(a) * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%";
}
