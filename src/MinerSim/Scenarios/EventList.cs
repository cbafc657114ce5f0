using System.Globalization;

namespace MinerSim.Scenarios;

/// <summary>Reads hashrate shocks from a <c>date,share_off,days_back,name[,source]</c> CSV (samples/data/events.csv). The caller reads the file.</summary>
public static class EventList
{
    /// <summary>Parses <paramref name="csv"/>: a header, then one event a row (a quoted source field may follow the name).</summary>
    /// <exception cref="ScenarioException">A malformed row; the message names the file and line.</exception>
    public static IReadOnlyList<EventSpec> Parse(string csv, string source)
    {
        var events = new List<EventSpec>();
        string[] lines = csv.Split('\n');
        var inv = CultureInfo.InvariantCulture;
        for (int n = 0; n < lines.Length; n++)
        {
            string line = lines[n].Trim();
            if (line.Length == 0 || line.StartsWith("date,", StringComparison.OrdinalIgnoreCase)) continue;
            string[] f = line.Split(',', 5);
            if (f.Length < 4) throw ScenarioException.AtLine(source, n + 1, $"{f.Length} fields; expected date,share_off,days_back,name[,source]");
            if (!DateOnly.TryParseExact(f[0].Trim(), "yyyy-MM-dd", inv, DateTimeStyles.None, out var date))
            {
                throw ScenarioException.AtLine(source, n + 1, $"'{f[0].Trim()}' is not a date; expected yyyy-MM-dd");
            }

            if (!double.TryParse(f[1].Trim(), NumberStyles.Float, inv, out double share) || !(share >= 0 && share <= 1))
            {
                throw ScenarioException.AtLine(source, n + 1, $"share_off '{f[1].Trim()}' is not in [0, 1]");
            }

            if (!double.TryParse(f[2].Trim(), NumberStyles.Float, inv, out double back) || !(back >= 1 && back <= 36_500))
            {
                throw ScenarioException.AtLine(source, n + 1, $"days_back '{f[2].Trim()}' is not in [1, 36500]");
            }

            events.Add(new EventSpec { Date = date, ShareOff = share, DaysBack = back, Name = f[3].Trim() });
        }

        return events;
    }
}
