using System.Globalization;

namespace MinerSim.Charts.Reports;

/// <summary>Numbers for people: four significant digits, thousands separators above 1000.</summary>
internal static class NumberText
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "n/a";
        }

        if (double.IsInfinity(value) || Math.Abs(value) < 1000)
        {
            return value.ToString("G4", CultureInfo.InvariantCulture);
        }

        return value.ToString("N0", CultureInfo.InvariantCulture);
    }
}
