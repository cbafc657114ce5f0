using System.Text.Json;

namespace MinerSim.Charts.Reports;

/// <summary>
/// Flattens a scenario JSON document into (parameter, value) rows such as
/// <c>cohorts[0].tiers[1].efficiency = 21.5</c>, so the report can show every input as a table.
/// </summary>
internal static class ScenarioTable
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The rows in document order, or null when the text is not JSON (the report then shows it verbatim).</summary>
    public static IReadOnlyList<(string Parameter, string Value)>? Rows(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            var rows = new List<(string, string)>();
            Flatten(document.RootElement, string.Empty, rows);
            return rows;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Flatten(JsonElement element, string path, List<(string, string)> rows)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", rows);
                }

                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, $"{path}[{i++}]", rows);
                }

                if (i == 0)
                {
                    rows.Add((path, "[]"));
                }

                break;
            case JsonValueKind.String:
                rows.Add((path, element.GetString() ?? string.Empty));
                break;
            default:
                rows.Add((path, element.GetRawText()));
                break;
        }
    }
}
