using static MinerSim.Cli.Output.JsonFields;
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
            JsonFields.WriteDate(json, "startDate", info.StartDate);
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

            return new RunInfo
            {
                Scenario = Get(path, root, "scenario", Text),
                ScenarioHash = Get(path, root, "scenarioHash", Text),
                Seed = Get(path, root, "seed", e => e.GetUInt64()),
                Paths = Get(path, root, "paths", e => e.GetInt64()),
                Days = Get(path, root, "days", e => e.GetInt32()),
                QuantileMethod = Get(path, root, "quantileMethod", Text),
                EngineVersion = Get(path, root, "engineVersion", Text),
                StartDate = JsonFields.OptionalDate(path, root, "startDate"),
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

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;
}
