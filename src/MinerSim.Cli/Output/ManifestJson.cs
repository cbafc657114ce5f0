using System.Globalization;
using System.Text;
using System.Text.Json;
using MinerSim.Aggregation;

namespace MinerSim.Cli.Output;

/// <summary><c>manifest.json</c>: the <see cref="RunInfo"/> fields in camelCase, in a fixed order.</summary>
internal static class ManifestJson
{
    public static string Write(RunInfo info)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteString("scenario", info.Scenario);
            json.WriteString("scenarioHash", info.ScenarioHash);
            json.WriteNumber("seed", info.Seed);
            json.WriteNumber("paths", info.Paths);
            json.WriteNumber("days", info.Days);
            json.WriteString("quantileMethod", info.QuantileMethod);
            json.WriteString("engineVersion", info.EngineVersion);
            if (info.StartDate is { } start)
            {
                json.WriteString("startDate", start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            else
            {
                json.WriteNull("startDate");
            }

            json.WriteNumber("wallSeconds", Finite(info.WallSeconds));
            json.WriteNumber("pathDaysPerSecond", Finite(info.PathDaysPerSecond));
            json.WriteNumber("threads", info.Threads);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Parses the manifest; every problem is a one-line <see cref="InvalidDataException"/> naming <paramref name="path"/>.</summary>
    public static RunInfo Read(string path, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path}: expected a JSON object");
            }

            string? start = Field(path, root, "startDate", required: false) is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;
            return new RunInfo
            {
                Scenario = Get(path, root, "scenario", Text),
                ScenarioHash = Get(path, root, "scenarioHash", Text),
                Seed = Get(path, root, "seed", e => e.GetUInt64()),
                Paths = Get(path, root, "paths", e => e.GetInt64()),
                Days = Get(path, root, "days", e => e.GetInt32()),
                QuantileMethod = Get(path, root, "quantileMethod", Text),
                EngineVersion = Get(path, root, "engineVersion", Text),
                StartDate = start is null ? null : ParseDate(path, start),
                WallSeconds = Get(path, root, "wallSeconds", e => e.GetDouble()),
                PathDaysPerSecond = Get(path, root, "pathDaysPerSecond", e => e.GetDouble()),
                Threads = Get(path, root, "threads", e => e.GetInt32()),
            };
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON: {e.Message}", e);
        }
    }

    private static string Text(JsonElement e) => e.GetString() ?? throw new FormatException("null");

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;

    private static JsonElement? Field(string path, JsonElement root, string name, bool required)
    {
        if (root.TryGetProperty(name, out var value))
        {
            return value;
        }

        return required ? throw new InvalidDataException($"{path}: missing field '{name}'") : null;
    }

    private static T Get<T>(string path, JsonElement root, string name, Func<JsonElement, T> read)
    {
        var value = Field(path, root, name, required: true)!.Value;
        try
        {
            return read(value);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: field '{name}' has the wrong type or range ({value.GetRawText()})", e);
        }
    }

    private static DateOnly ParseDate(string path, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidDataException($"{path}: field 'startDate' must be a date like 2026-01-31, got '{text}'");
}
