namespace MinerSim.Scenarios;

/// <summary>
/// An exogenous hashrate shock (MODEL.md section 11.5): on <see cref="Date"/> a share of every cohort's running machines
/// is forced off, and comes back linearly over <see cref="DaysBack"/> days (a ban, a blackout, a storm's curtailment).
/// </summary>
public sealed record EventSpec
{
    /// <summary>Day the machines go off (may be before the start date; the recovery then continues from day 0).</summary>
    public required DateOnly Date { get; init; }
    /// <summary>Share of running hashrate forced off on that day, in [0, 1].</summary>
    public required double ShareOff { get; init; }
    /// <summary>Days until it is all back, at least 1.</summary>
    public required double DaysBack { get; init; }
    /// <summary>What happened (free text).</summary>
    public string? Name { get; init; }

    /// <summary>Share of the running machines this event holds off on <paramref name="day"/>: shareOff, falling linearly to 0 over daysBack.</summary>
    public double OffOn(DateOnly day)
    {
        double since = day.DayNumber - Date.DayNumber;
        return since >= 0 && since < DaysBack ? ShareOff * (1.0 - since / DaysBack) : 0.0;
    }

    /// <summary>Whether the event holds anything off on some day of <paramref name="first"/> .. <paramref name="last"/>.</summary>
    public bool Touches(DateOnly first, DateOnly last) => Date <= last && Date.AddDays((int)Math.Ceiling(DaysBack)) > first;

    /// <summary>MODEL.md 11.5's online share on <paramref name="day"/>: <c>1 - min(1, sum of the events' off shares)</c>.</summary>
    public static double OnlineOn(IReadOnlyList<EventSpec> events, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(events);
        double off = 0;
        foreach (var e in events) off += e.OffOn(day);
        return 1.0 - Math.Min(1.0, off);
    }
}
