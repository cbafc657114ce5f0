using System.Globalization;
using MinerSim.Scenarios;

namespace MinerSim.Prices;

/// <summary>
/// Reads a <c>date,close</c> price history: daily log returns for the <c>bootstrap</c> price model,
/// closes on consecutive days for the <c>replay</c> model and the backtest. The caller reads the file; this only parses text, so the engine stays free of I/O.
/// </summary>
public static class HistoricalPrices
{
    /// <summary>
    /// Parses <paramref name="csv"/> into daily log returns <c>ln(close[i] / close[i-1])</c>, one fewer than the rows
    /// (the rows as <see cref="ParseCloses"/> reads them, except that gaps between dates are allowed).
    /// </summary>
    /// <param name="csv">The file's text.</param>
    /// <param name="source">Names the file in error messages.</param>
    /// <exception cref="ScenarioException">A malformed row (the message names the file and line) or fewer than 2 rows.</exception>
    public static double[] ParseLogReturns(string csv, string source)
    {
        var (_, closes) = ParseRows(csv, source);
        if (closes.Count < 2)
        {
            throw new ScenarioException($"{source}: {closes.Count} price rows; at least 2 are needed for a return");
        }

        var returns = new double[closes.Count - 1];
        for (int i = 1; i < closes.Count; i++)
        {
            returns[i - 1] = Math.Log(closes[i] / closes[i - 1]);
        }

        return returns;
    }

    /// <summary>
    /// Parses <paramref name="csv"/> into closes on consecutive calendar days (the <c>replay</c> price model and
    /// the backtest): an optional <c>date,close</c> header, then one row a day with an ISO date (<c>yyyy-MM-dd</c>,
    /// each the day after the previous row's) and a close above 0. Blank lines are skipped.
    /// </summary>
    /// <param name="csv">The file's text.</param>
    /// <param name="source">Names the file in error messages.</param>
    /// <exception cref="ScenarioException">A malformed row, a missing day (the message names the file and line) or no rows.</exception>
    public static PriceHistory ParseCloses(string csv, string source)
    {
        var (dates, closes) = ParseRows(csv, source);
        if (closes.Count == 0)
        {
            throw new ScenarioException($"{source}: no price rows");
        }

        for (int i = 1; i < dates.Count; i++)
        {
            if (dates[i].Date != dates[i - 1].Date.AddDays(1))
            {
                throw ScenarioException.AtLine(source, dates[i].Line, $"date {dates[i].Date:yyyy-MM-dd} does not follow {dates[i - 1].Date:yyyy-MM-dd} by one day; a replayed history needs every day");
            }
        }

        return new PriceHistory(dates[0].Date, [.. closes]);
    }

    private static (List<(DateOnly Date, int Line)> Dates, List<double> Closes) ParseRows(string csv, string source)
    {
        var dates = new List<(DateOnly, int)>();
        var closes = new List<double>();
        DateOnly previous = DateOnly.MinValue;
        string[] lines = csv.Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            string line = lines[n].Trim();
            if (line.Length == 0) continue;
            int lineNo = n + 1;
            string[] fields = line.Split(',');
            if (closes.Count == 0 && previous == DateOnly.MinValue && IsHeader(fields))
            {
                continue;
            }

            if (fields.Length != 2)
            {
                throw ScenarioException.AtLine(source, lineNo, $"{fields.Length} fields; expected 2 (date,close)");
            }

            if (!DateOnly.TryParseExact(fields[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw ScenarioException.AtLine(source, lineNo, $"'{fields[0].Trim()}' is not a date; expected yyyy-MM-dd");
            }

            if (!double.TryParse(fields[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double close) || !double.IsFinite(close) || close <= 0)
            {
                throw ScenarioException.AtLine(source, lineNo, $"close '{fields[1].Trim()}' is not a number above 0");
            }

            if (date <= previous)
            {
                throw ScenarioException.AtLine(source, lineNo, $"date {date:yyyy-MM-dd} does not come after {previous:yyyy-MM-dd}; rows must be in increasing date order");
            }

            previous = date;
            dates.Add((date, lineNo));
            closes.Add(close);
        }

        return (dates, closes);
    }

    private static bool IsHeader(string[] fields) =>
        fields.Length >= 1 && fields[0].Trim().Equals("date", StringComparison.OrdinalIgnoreCase);
}
