using System.Globalization;
using MinerSim.Scenarios;

namespace MinerSim.Prices;

/// <summary>
/// Reads a <c>date,close</c> price history (the <c>bootstrap</c> price model's input) into daily
/// log returns. The caller reads the file; this only parses text, so the engine stays free of I/O.
/// </summary>
public static class HistoricalPrices
{
    /// <summary>
    /// Parses <paramref name="csv"/>: an optional <c>date,close</c> header, then one row a day with an
    /// ISO date (<c>yyyy-MM-dd</c>, strictly increasing) and a close above 0. Blank lines are skipped.
    /// </summary>
    /// <param name="csv">The file's text.</param>
    /// <param name="source">Names the file in error messages.</param>
    /// <returns>The log returns <c>ln(close[i] / close[i-1])</c>, one fewer than the rows.</returns>
    /// <exception cref="ScenarioException">A malformed row (the message names the file and line) or fewer than 2 rows.</exception>
    public static double[] ParseLogReturns(string csv, string source)
    {
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
                throw Fail(source, lineNo, $"{fields.Length} fields; expected 2 (date,close)");
            }

            if (!DateOnly.TryParseExact(fields[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw Fail(source, lineNo, $"'{fields[0].Trim()}' is not a date; expected yyyy-MM-dd");
            }

            if (!double.TryParse(fields[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double close) || !double.IsFinite(close) || close <= 0)
            {
                throw Fail(source, lineNo, $"close '{fields[1].Trim()}' is not a number above 0");
            }

            if (date <= previous)
            {
                throw Fail(source, lineNo, $"date {date:yyyy-MM-dd} does not come after {previous:yyyy-MM-dd}; rows must be in increasing date order");
            }

            previous = date;
            closes.Add(close);
        }

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

    private static bool IsHeader(string[] fields) =>
        fields.Length >= 1 && fields[0].Trim().Equals("date", StringComparison.OrdinalIgnoreCase);

    private static ScenarioException Fail(string source, int line, string what) => new($"{source}: line {line}: {what}");
}
