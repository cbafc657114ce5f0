using System.Globalization;
using MinerSim.Scenarios;

namespace MinerSim.Network;

/// <summary>One difficulty retarget of the real chain: the first block of an epoch and its difficulty.</summary>
/// <param name="Height">Height of the retarget block (a multiple of 2016).</param>
/// <param name="Timestamp">The block's timestamp, Unix seconds.</param>
/// <param name="Difficulty">The difficulty from this block on, as the chain reports it.</param>
public readonly record struct ChainRetarget(int Height, long Timestamp, double Difficulty)
{
    /// <summary>UTC calendar date of the retarget block.</summary>
    public DateOnly Date => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(Timestamp).UtcDateTime);
}

/// <summary>The real chain at one moment as an observer then knows it, read off <see cref="ChainHistory"/> (no later retarget is used).</summary>
/// <param name="Height">Block height: the retarget's, plus the blocks since at the last known rate (<paramref name="Hashrate"/>), at most 2015.</param>
/// <param name="Difficulty">Difficulty in force.</param>
/// <param name="EpochDays">Days since the epoch in force began.</param>
/// <param name="Hashrate">Mean hashrate of the last epoch that ended before the moment, EH/s; the difficulty-implied one for the first epoch.</param>
/// <param name="HashrateFrom">When that epoch began (the first epoch's own start for the first epoch).</param>
/// <param name="HashrateTo">When that epoch ended.</param>
public readonly record struct ChainState(double Height, double Difficulty, double EpochDays, double Hashrate, DateTimeOffset HashrateFrom, DateTimeOffset HashrateTo)
{
    /// <summary>Difficulty-implied hashrate HD, EH/s (MODEL.md section 1).</summary>
    public double ImpliedHashrate => Network.Difficulty.ImpliedHashrate(Difficulty);
}

/// <summary>
/// Every difficulty retarget of the real chain, parsed from a <c>height,timestamp,difficulty</c> CSV
/// (samples/data/difficulty-epochs.csv). The caller reads the file; this only parses text.
/// </summary>
public sealed class ChainHistory
{
    private readonly ChainRetarget[] _retargets;

    private ChainHistory(ChainRetarget[] retargets) => _retargets = retargets;

    /// <summary>The retargets in height order.</summary>
    public IReadOnlyList<ChainRetarget> Retargets => _retargets;

    /// <summary>First day on which <see cref="At"/> answers: the day after the first retarget's.</summary>
    public DateOnly FirstDate => _retargets[0].Date.AddDays(1);

    /// <summary>Last day on which <see cref="At"/> answers: the last day whose midnight falls before the last retarget.</summary>
    public DateOnly LastDate => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(_retargets[^1].Timestamp - 1).UtcDateTime);

    /// <summary>
    /// Parses <paramref name="csv"/>: an optional header, then rows <c>height,timestamp,difficulty</c> with heights
    /// increasing by 2016, timestamps increasing and difficulties above 0. Blank lines are skipped.
    /// </summary>
    /// <exception cref="ScenarioException">A malformed row (the message names the file and line), or fewer than 2 rows.</exception>
    public static ChainHistory Parse(string csv, string source)
    {
        var rows = new List<ChainRetarget>();
        string[] lines = csv.Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            string line = lines[n].Trim();
            if (line.Length == 0) continue;
            string[] f = line.Split(',');
            if (rows.Count == 0 && f[0].Trim().Equals("height", StringComparison.OrdinalIgnoreCase)) continue;
            if (f.Length != 3)
            {
                throw ScenarioException.AtLine(source, n + 1, $"{f.Length} fields; expected 3 (height,timestamp,difficulty)");
            }

            var inv = CultureInfo.InvariantCulture;
            if (!int.TryParse(f[0].Trim(), NumberStyles.None, inv, out int height) || height % Retarget.Interval != 0)
            {
                throw ScenarioException.AtLine(source, n + 1, $"height '{f[0].Trim()}' is not a multiple of {Retarget.Interval}");
            }

            if (!long.TryParse(f[1].Trim(), NumberStyles.None, inv, out long timestamp))
            {
                throw ScenarioException.AtLine(source, n + 1, $"timestamp '{f[1].Trim()}' is not Unix seconds");
            }

            if (!double.TryParse(f[2].Trim(), NumberStyles.Float, inv, out double difficulty) || !double.IsFinite(difficulty) || difficulty <= 0)
            {
                throw ScenarioException.AtLine(source, n + 1, $"difficulty '{f[2].Trim()}' is not a number above 0");
            }

            if (rows.Count > 0 && (height != rows[^1].Height + Retarget.Interval || timestamp <= rows[^1].Timestamp))
            {
                throw ScenarioException.AtLine(source, n + 1, $"height {height} at {timestamp} does not follow height {rows[^1].Height} at {rows[^1].Timestamp} (one epoch later, later in time)");
            }

            rows.Add(new ChainRetarget(height, timestamp, difficulty));
        }

        if (rows.Count < 2)
        {
            throw new ScenarioException($"{source}: {rows.Count} retargets; at least 2 are needed");
        }

        return new ChainHistory([.. rows]);
    }

    /// <summary>Whether <see cref="At"/> answers for <paramref name="date"/>.</summary>
    public bool Covers(DateOnly date) => date >= FirstDate && date <= LastDate;

    /// <summary>The chain at 00:00 UTC on <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside <see cref="FirstDate"/> .. <see cref="LastDate"/>.</exception>
    public ChainState At(DateOnly date)
    {
        if (!Covers(date))
        {
            throw new ArgumentOutOfRangeException(nameof(date), $"{date:yyyy-MM-dd} is outside the chain history {FirstDate:yyyy-MM-dd} .. {LastDate:yyyy-MM-dd}");
        }

        long t = Midnight(date);
        int i = IndexAt(t);
        var a = _retargets[i];
        var previous = i == 0 ? a : _retargets[i - 1];
        double hashrate = i == 0
            ? Network.Difficulty.ImpliedHashrate(a.Difficulty)
            : Retarget.Interval * previous.Difficulty * Network.Difficulty.HashesAtOne / (a.Timestamp - previous.Timestamp) / 1e18;
        // Blocks since the retarget at the last known rate: a block every 600 s at HD, so (t - t_a) / 600 * H / HD of them.
        double blocks = Math.Min(Retarget.Interval - 1, (t - a.Timestamp) / 600.0 * hashrate / Network.Difficulty.ImpliedHashrate(a.Difficulty));
        return new ChainState(a.Height + blocks, a.Difficulty, (t - a.Timestamp) / 86400.0, hashrate,
            DateTimeOffset.FromUnixTimeSeconds(previous.Timestamp), DateTimeOffset.FromUnixTimeSeconds(a.Timestamp));
    }

    /// <summary>The retargets whose UTC date lies in (<paramref name="after"/>, <paramref name="through"/>].</summary>
    public IEnumerable<ChainRetarget> Between(DateOnly after, DateOnly through) =>
        _retargets.Where(r => r.Date > after && r.Date <= through);

    /// <summary>Index of the last retarget at or before <paramref name="unixSeconds"/> (the epoch in force).</summary>
    private int IndexAt(long unixSeconds)
    {
        int lo = 0, hi = _retargets.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (_retargets[mid].Timestamp <= unixSeconds) lo = mid;
            else hi = mid - 1;
        }

        return lo;
    }

    private static long Midnight(DateOnly date) => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
}
