namespace MinerSim.Prices;

/// <summary>Daily closes on consecutive calendar days, parsed from a <c>date,close</c> CSV by <see cref="HistoricalPrices.ParseCloses"/>.</summary>
/// <param name="First">Date of the first close.</param>
/// <param name="Closes">Close of day <c>First + i</c> in USD per BTC, one per calendar day with no gaps.</param>
public sealed record PriceHistory(DateOnly First, double[] Closes)
{
    /// <summary>Date of the last close.</summary>
    public DateOnly Last => First.AddDays(Closes.Length - 1);

    /// <summary>Whether a close is known for <paramref name="date"/>.</summary>
    public bool Covers(DateOnly date) => date >= First && date <= Last;

    /// <summary>Close on <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside the history.</exception>
    public double On(DateOnly date) => Covers(date)
        ? Closes[date.DayNumber - First.DayNumber]
        : throw new ArgumentOutOfRangeException(nameof(date), $"no close for {date:yyyy-MM-dd}; the history covers {First:yyyy-MM-dd} .. {Last:yyyy-MM-dd}");

    /// <summary>The <paramref name="days"/> closes from <paramref name="start"/> on (day 0 is the start's close).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The window leaves the history.</exception>
    public double[] Window(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var end = start.AddDays(days - 1);
        if (!Covers(start) || !Covers(end))
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"{start:yyyy-MM-dd} .. {end:yyyy-MM-dd} is not inside the price history {First:yyyy-MM-dd} .. {Last:yyyy-MM-dd}");
        }

        return Closes.AsSpan(start.DayNumber - First.DayNumber, days).ToArray();
    }
}
