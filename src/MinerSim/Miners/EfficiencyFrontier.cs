using System.Globalization;
using MinerSim.Scenarios;

namespace MinerSim.Miners;

/// <summary>
/// The best efficiency of shipping SHA-256 machines by date (samples/data/asic-frontier.csv): a step
/// function, each machine's J/TH from its first shipping month until a better one ships.
/// The caller reads the file; this only parses text.
/// </summary>
public sealed class EfficiencyFrontier
{
    private readonly (DateOnly Date, double Efficiency)[] _steps;

    private EfficiencyFrontier((DateOnly, double)[] steps) => _steps = steps;

    /// <summary>The frontier's steps: first shipping date and J/TH, in date order.</summary>
    public IReadOnlyList<(DateOnly Date, double Efficiency)> Steps => _steps;

    /// <summary>
    /// Parses <paramref name="csv"/>: a header, then rows starting <c>date,model,manufacturer,efficiency_jth</c>
    /// (further fields, such as a quoted source, are ignored) with dates increasing and efficiencies decreasing.
    /// </summary>
    /// <exception cref="ScenarioException">A malformed row (the message names the file and line) or no rows.</exception>
    public static EfficiencyFrontier Parse(string csv, string source)
    {
        var steps = new List<(DateOnly, double)>();
        string[] lines = csv.Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            string line = lines[n].Trim();
            if (line.Length == 0 || line.StartsWith("date,", StringComparison.OrdinalIgnoreCase)) continue;
            string[] f = line.Split(',', 5);
            if (f.Length < 4) throw ScenarioException.AtLine(source, n + 1, $"{f.Length} fields; expected date,model,manufacturer,efficiency_jth[,source]");
            if (!DateOnly.TryParseExact(f[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw ScenarioException.AtLine(source, n + 1, $"'{f[0].Trim()}' is not a date; expected yyyy-MM-dd");
            }

            if (!double.TryParse(f[3].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double e) || !double.IsFinite(e) || e <= 0)
            {
                throw ScenarioException.AtLine(source, n + 1, $"efficiency_jth '{f[3].Trim()}' is not a number above 0");
            }

            if (steps.Count > 0 && (date <= steps[^1].Item1 || e >= steps[^1].Item2))
            {
                throw ScenarioException.AtLine(source, n + 1, $"{date:yyyy-MM-dd} at {e} J/TH does not improve on {steps[^1].Item1:yyyy-MM-dd} at {steps[^1].Item2} J/TH (a frontier row comes later and is more efficient)");
            }

            steps.Add((date, e));
        }

        if (steps.Count == 0) throw new ScenarioException($"{source}: no frontier rows");
        return new EfficiencyFrontier([.. steps]);
    }

    /// <summary>Whether <see cref="At"/> answers for <paramref name="date"/> (on or after the first step).</summary>
    public bool Covers(DateOnly date) => date >= _steps[0].Date;

    /// <summary>The best shipping efficiency on <paramref name="date"/>, J/TH.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is before the first step.</exception>
    public double At(DateOnly date)
    {
        if (!Covers(date)) throw new ArgumentOutOfRangeException(nameof(date), $"{date:yyyy-MM-dd} is before the frontier's first machine ({_steps[0].Date:yyyy-MM-dd})");
        return _steps.Last(s => s.Date <= date).Efficiency;
    }
}
