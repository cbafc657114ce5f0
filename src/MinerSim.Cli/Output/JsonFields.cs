using System.Globalization;
using System.Text.Json;

namespace MinerSim.Cli.Output;

/// <summary>
/// Reading and writing the fields of the CLI's small JSON files (<c>manifest.json</c>, <c>partial.json</c>):
/// every problem is one <see cref="InvalidDataException"/> line naming the file and the field.
/// </summary>
internal static class JsonFields
{
    /// <summary>Required field <paramref name="name"/> read by <paramref name="read"/>.</summary>
    public static T Get<T>(string path, JsonElement root, string name, Func<JsonElement, T> read)
    {
        if (!root.TryGetProperty(name, out var value)) throw new InvalidDataException($"{path}: missing field '{name}'");
        try
        {
            return read(value);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: field '{name}' has the wrong type or range ({value.GetRawText()})", e);
        }
    }

    /// <summary>A string value (null is a wrong type).</summary>
    public static string Text(JsonElement e) => e.GetString() ?? throw new FormatException("null");

    /// <summary>Optional date field like 2026-01-31 (absent or null: none).</summary>
    public static DateOnly? OptionalDate(string path, JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String) return null;
        string text = value.GetString()!;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidDataException($"{path}: field '{name}' must be a date like 2026-01-31, got '{text}'");
    }

    /// <summary>Writes an optional date as yyyy-MM-dd, or null.</summary>
    public static void WriteDate(Utf8JsonWriter json, string name, DateOnly? date)
    {
        if (date is { } d) json.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else json.WriteNull(name);
    }
}
