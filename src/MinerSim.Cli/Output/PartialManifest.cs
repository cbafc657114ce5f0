using System.Globalization;
using static MinerSim.Cli.Output.JsonFields;
using System.Text;
using System.Text.Json;
using MinerSim.Aggregation;

namespace MinerSim.Cli.Output;

/// <summary>
/// <c>partial.json</c>: what a partial result (a shard's output or a run's checkpoint) belongs to.
/// Two partials merge only when every identity field agrees.
/// </summary>
internal sealed record PartialManifest
{
    /// <summary>Value of the <c>format</c> field.</summary>
    public const string FormatName = "minersim-partial";

    /// <summary>Version of this JSON layout.</summary>
    public const int FormatVersion = 1;

    public required string Scenario { get; init; }
    public required string ScenarioHash { get; init; }
    /// <summary>Absolute path of the scenario file when the run started (a resume reloads it).</summary>
    public required string ScenarioPath { get; init; }
    public required ulong Seed { get; init; }
    public required long Paths { get; init; }
    public required int Days { get; init; }
    /// <summary><c>exact</c> or <c>sketch</c> (auto is resolved on the whole run's paths, never per shard).</summary>
    public required string QuantileMethod { get; init; }
    public required string EngineVersion { get; init; }
    public required int BlockSize { get; init; }
    public required int BlockCount { get; init; }
    public required int ShardIndex { get; init; }
    public required int ShardCount { get; init; }
    /// <summary>First block of this shard.</summary>
    public required int FirstBlock { get; init; }
    /// <summary>One past the last block of this shard.</summary>
    public required int EndBlock { get; init; }
    /// <summary>True when <c>partial.bin</c> holds every block of the shard (false: a checkpoint).</summary>
    public required bool Complete { get; init; }
    /// <summary>True when the run writes an ordinary run folder at the end; false for <c>--shard</c>.</summary>
    public required bool WholeRun { get; init; }
    /// <summary>True when the final folder gets charts and a report.</summary>
    public required bool Charts { get; init; }
    public DateOnly? StartDate { get; init; }
    /// <summary>Wall time spent simulating so far, seconds (all attempts).</summary>
    public double WallSeconds { get; init; }
    public int Threads { get; init; }

    /// <summary>The first identity field that differs from <paramref name="other"/>, as "name (this vs other)", or null.</summary>
    public string? Mismatch(PartialManifest other)
    {
        (string Name, string A, string B)[] fields =
        [
            ("scenario hash", ScenarioHash, other.ScenarioHash),
            ("seed", Text(Seed), Text(other.Seed)),
            ("paths", Text(Paths), Text(other.Paths)),
            ("days", Text(Days), Text(other.Days)),
            ("quantile method", QuantileMethod, other.QuantileMethod),
            ("engine version", EngineVersion, other.EngineVersion),
            ("block size", Text(BlockSize), Text(other.BlockSize)),
            ("shard count", Text(ShardCount), Text(other.ShardCount)),
        ];
        foreach (var (name, a, b) in fields)
        {
            if (a != b) return $"{name} {a} vs {b}";
        }

        return null;
    }

    /// <summary>The run facts for <c>manifest.json</c> of the finished run.</summary>
    public RunInfo ToRunInfo(double wallSeconds, int threads) => new()
    {
        Scenario = Scenario,
        ScenarioHash = ScenarioHash,
        Seed = Seed,
        Paths = Paths,
        Days = Days,
        QuantileMethod = QuantileMethod,
        EngineVersion = EngineVersion,
        StartDate = StartDate,
        WallSeconds = wallSeconds,
        PathDaysPerSecond = Paths * (double)Days / Math.Max(wallSeconds, 1e-9),
        Threads = threads,
    };

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteString("format", FormatName);
            json.WriteNumber("formatVersion", FormatVersion);
            json.WriteString("scenario", Scenario);
            json.WriteString("scenarioHash", ScenarioHash);
            json.WriteString("scenarioPath", ScenarioPath);
            json.WriteNumber("seed", Seed);
            json.WriteNumber("paths", Paths);
            json.WriteNumber("days", Days);
            json.WriteString("quantileMethod", QuantileMethod);
            json.WriteString("engineVersion", EngineVersion);
            json.WriteNumber("blockSize", BlockSize);
            json.WriteNumber("blockCount", BlockCount);
            json.WriteNumber("shardIndex", ShardIndex);
            json.WriteNumber("shardCount", ShardCount);
            json.WriteNumber("firstBlock", FirstBlock);
            json.WriteNumber("endBlock", EndBlock);
            json.WriteBoolean("complete", Complete);
            json.WriteBoolean("wholeRun", WholeRun);
            json.WriteBoolean("charts", Charts);
            JsonFields.WriteDate(json, "startDate", StartDate);
            json.WriteNumber("wallSeconds", double.IsFinite(WallSeconds) ? WallSeconds : 0);
            json.WriteNumber("threads", Threads);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Parses <c>partial.json</c>; every problem is a one-line <see cref="InvalidDataException"/> naming <paramref name="path"/>.</summary>
    public static PartialManifest Parse(string path, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != FormatName)
            {
                throw new InvalidDataException($"{path}: not a MinerSim partial manifest (no \"format\": \"{FormatName}\")");
            }

            int version = Get(path, root, "formatVersion", e => e.GetInt32());
            if (version != FormatVersion)
            {
                throw new InvalidDataException($"{path}: partial format version {version}; this build reads version {FormatVersion}");
            }

            return new PartialManifest
            {
                Scenario = Get(path, root, "scenario", JsonFields.Text),
                ScenarioHash = Get(path, root, "scenarioHash", JsonFields.Text),
                ScenarioPath = Get(path, root, "scenarioPath", JsonFields.Text),
                Seed = Get(path, root, "seed", e => e.GetUInt64()),
                Paths = Get(path, root, "paths", e => e.GetInt64()),
                Days = Get(path, root, "days", e => e.GetInt32()),
                QuantileMethod = Get(path, root, "quantileMethod", JsonFields.Text),
                EngineVersion = Get(path, root, "engineVersion", JsonFields.Text),
                BlockSize = Get(path, root, "blockSize", e => e.GetInt32()),
                BlockCount = Get(path, root, "blockCount", e => e.GetInt32()),
                ShardIndex = Get(path, root, "shardIndex", e => e.GetInt32()),
                ShardCount = Get(path, root, "shardCount", e => e.GetInt32()),
                FirstBlock = Get(path, root, "firstBlock", e => e.GetInt32()),
                EndBlock = Get(path, root, "endBlock", e => e.GetInt32()),
                Complete = Get(path, root, "complete", e => e.GetBoolean()),
                WholeRun = Get(path, root, "wholeRun", e => e.GetBoolean()),
                Charts = Get(path, root, "charts", e => e.GetBoolean()),
                StartDate = JsonFields.OptionalDate(path, root, "startDate"),
                WallSeconds = Get(path, root, "wallSeconds", e => e.GetDouble()),
                Threads = Get(path, root, "threads", e => e.GetInt32()),
            };
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw new InvalidDataException($"{path}: not valid: {e.Message}", e);
        }
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
