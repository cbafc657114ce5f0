using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MinerSim.Scenarios;

/// <summary>
/// Reads scenario JSON (comments and trailing commas allowed, camelCase names, unknown fields
/// are errors) and validates it. The caller does the file I/O; the engine stays free of it.
/// </summary>
public static class ScenarioLoader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
        WriteIndented = true,
    };

    /// <summary>Parses and validates a scenario; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="ScenarioException">Malformed JSON, an unknown or missing field, or a value out of range.</exception>
    public static Scenario Parse(string json, string source)
    {
        Scenario? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize<Scenario>(json, Options);
        }
        catch (JsonException e)
        {
            throw new ScenarioException($"{source}: {Describe(e)}", e);
        }

        if (scenario is null)
        {
            throw new ScenarioException($"{source}: the file holds null, not a scenario object");
        }

        ScenarioValidator.Validate(scenario, source);
        return scenario;
    }

    /// <summary>SHA-256 of the scenario text, lower-case hex (recorded in manifests).</summary>
    public static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    /// <summary>Serializes a scenario back to JSON in the loader's format.</summary>
    public static string ToJson(Scenario scenario) => JsonSerializer.Serialize(scenario, Options);

    private static string Describe(JsonException e)
    {
        string field = string.IsNullOrEmpty(e.Path) ? string.Empty : ToFieldPath(e.Path);
        string where = field.Length == 0 ? string.Empty : field + ": ";
        string message = e.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            int q1 = message.IndexOf('\'', StringComparison.Ordinal);
            int q2 = q1 < 0 ? -1 : message.IndexOf('\'', q1 + 1);
            string name = q2 > q1 ? message[(q1 + 1)..q2] : "?";
            return $"{where}unknown field '{name}'";
        }

        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            int colon = message.IndexOf("properties", StringComparison.Ordinal);
            string rest = message[(colon + "properties".Length)..].Trim(' ', ':', '.');
            int dot = rest.IndexOf('.', StringComparison.Ordinal);
            if (dot >= 0) rest = rest[..dot];
            rest = rest.Replace("including:", string.Empty, StringComparison.Ordinal).Trim();
            return $"{where}missing required field {rest}";
        }

        if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return $"{where}a field is given twice";
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return $"{where}wrong type of value (line {e.LineNumber + 1})";
        }

        // Malformed JSON: System.Text.Json gives a position; keep its first sentence.
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        string first = end > 0 ? message[..end] : message.TrimEnd('.');
        return e.LineNumber is long line ? $"{where}malformed JSON at line {line + 1}: {first}" : where + first;
    }

    /// <summary>Turns System.Text.Json's <c>$.cohorts[0].tiers</c> into <c>cohorts[0].tiers</c>.</summary>
    private static string ToFieldPath(string jsonPath) => jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
}
