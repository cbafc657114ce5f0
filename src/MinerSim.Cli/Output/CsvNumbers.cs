using System.Globalization;

namespace MinerSim.Cli.Output;

/// <summary>
/// Numbers in the run folder's CSV files: invariant culture, shortest round-trip text, so reading a
/// file back gives the identical doubles and the same result always gives the same bytes.
/// </summary>
internal static class CsvNumbers
{
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public static bool TryParse(string text, out long value) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
}
