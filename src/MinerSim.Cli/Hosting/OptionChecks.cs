using System.Globalization;

namespace MinerSim.Cli.Hosting;

/// <summary>Range checks for option values that fail with one line naming the option, the value and what is allowed.</summary>
internal static class OptionChecks
{
    /// <summary>Returns <paramref name="value"/> if it lies in [lo, hi] (or (lo, hi] when <paramref name="loExclusive"/>).</summary>
    /// <exception cref="UsageException">The value is NaN, infinite or out of range.</exception>
    public static double InRange(string option, double value, double lo, double hi, bool loExclusive = false)
    {
        bool ok = double.IsFinite(value) && (loExclusive ? value > lo : value >= lo) && value <= hi;
        if (!ok)
        {
            string range = (loExclusive ? "(" : "[") + Format(lo) + ", " + Format(hi) + "]";
            throw new UsageException($"{option}: {Format(value)} is not in {range}");
        }

        return value;
    }

    /// <summary>Formats a number for a message: shortest round-trip form, invariant culture.</summary>
    public static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
