using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MinerSim.Scenarios;

namespace MinerSim.Questions;

/// <summary>
/// A numeric scenario field named by its dotted path as in the JSON file: <c>price.sigma</c>,
/// <c>fees.median</c>, <c>cohorts[0].k0</c>, <c>cohorts[*].pMedian</c> (every cohort),
/// <c>cohorts[1].tiers[0].efficiency</c>. Reads the field and makes scaled copies of a scenario.
/// </summary>
/// <remarks>
/// The scenario records are immutable; a copy with one field changed goes through the loader's
/// own JSON form, so every numeric field is reachable by the name a user sees in the file, and
/// the changed scenario is validated exactly like a file (a move out of range fails with the
/// field and its allowed range).
/// </remarks>
public sealed class ScenarioParameter
{
    private static readonly string[] IntegerFields = ["days", "price.bootstrap.blockDays"];
    private readonly IReadOnlyList<object[]> _leaves;

    private ScenarioParameter(string path, IReadOnlyList<object[]> leaves)
    {
        Path = path;
        _leaves = leaves;
    }

    /// <summary>The dotted path as given.</summary>
    public string Path { get; }

    /// <summary>Resolves <paramref name="path"/> against <paramref name="scenario"/>; on failure <paramref name="error"/> is one line.</summary>
    public static bool TryResolve(Scenario scenario, string path, out ScenarioParameter? parameter, out string error)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        parameter = null;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(path))
        {
            error = "empty parameter name; give a dotted path such as price.sigma or cohorts[*].pMedian";
            return false;
        }

        if (!TryParseSegments(path, out var segments))
        {
            error = $"'{path}' is not a parameter path; use names and indexes such as price.sigma, cohorts[0].k0 or cohorts[*].pMedian";
            return false;
        }

        string plain = string.Join('.', segments.Select(s => s is string n ? n : "#")).Replace(".#", string.Empty, StringComparison.Ordinal);
        if (IntegerFields.Contains(plain, StringComparer.OrdinalIgnoreCase))
        {
            error = $"'{path}' is a whole number of days, not a continuous parameter";
            return false;
        }

        var root = ToNode(scenario);
        var leaves = new List<object[]>();
        if (!Collect(root, segments, 0, [], leaves, out string why))
        {
            error = $"'{path}': {why}";
            return false;
        }

        parameter = new ScenarioParameter(path, leaves);
        return true;
    }

    /// <summary>The field's values in <paramref name="scenario"/> (one per matched field; several with <c>[*]</c>).</summary>
    public IReadOnlyList<double> Values(Scenario scenario)
    {
        var root = ToNode(scenario);
        return _leaves.Select(route => Node(root, route)!.GetValue<double>()).ToArray();
    }

    /// <summary>A copy of <paramref name="scenario"/> with the field multiplied by <paramref name="factor"/>, validated.</summary>
    /// <exception cref="ScenarioException">The scaled value is out of the field's range.</exception>
    public Scenario Scale(Scenario scenario, double factor)
    {
        var root = ToNode(scenario);
        foreach (var route in _leaves)
        {
            var leaf = Node(root, route)!;
            double v = leaf.GetValue<double>() * factor;
            var parent = Node(root, route[..^1])!;
            if (route[^1] is string name) parent[name] = v;
            else parent[(int)route[^1]] = v;
        }

        string source = $"{Path} x{factor.ToString("G6", CultureInfo.InvariantCulture)}";
        return ScenarioLoader.Parse(root.ToJsonString(), source);
    }

    private static JsonNode ToNode(Scenario scenario) => JsonNode.Parse(ScenarioLoader.ToJson(scenario))!;

    private static JsonNode? Node(JsonNode root, object[] route)
    {
        JsonNode? n = root;
        foreach (var step in route)
        {
            n = step is string name ? n![name] : n![(int)step];
        }

        return n;
    }

    /// <summary>Walks the path; segment values are property names (string), indexes (int) or every index (null).</summary>
    private static bool Collect(JsonNode? node, List<object?> segments, int at, List<object> route, List<object[]> leaves, out string why)
    {
        why = string.Empty;
        if (at == segments.Count)
        {
            if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
            {
                leaves.Add([.. route]);
                return true;
            }

            why = node is null ? "is not set in this scenario" : "is not a number";
            return false;
        }

        var seg = segments[at];
        if (seg is string name)
        {
            if (node is not JsonObject obj)
            {
                why = $"'{name}' is not a field here";
                return false;
            }

            var match = obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
            if (match.Key is null)
            {
                why = $"unknown field '{name}'; fields here: {string.Join(", ", obj.Select(p => p.Key))}";
                return false;
            }

            if (match.Value is null)
            {
                why = $"'{match.Key}' is not set in this scenario";
                return false;
            }

            route.Add(match.Key);
            bool ok = Collect(match.Value, segments, at + 1, route, leaves, out why);
            route.RemoveAt(route.Count - 1);
            return ok;
        }

        if (node is not JsonArray array)
        {
            why = "an index is given for a field that is not a list";
            return false;
        }

        int from = seg is int i ? i : 0, to = seg is int j ? j + 1 : array.Count;
        if (from >= array.Count)
        {
            why = $"index {from} is out of range; the list has {array.Count} entries";
            return false;
        }

        for (int k = from; k < to; k++)
        {
            route.Add(k);
            bool ok = Collect(array[k], segments, at + 1, route, leaves, out why);
            route.RemoveAt(route.Count - 1);
            if (!ok) return false;
        }

        return true;
    }

    /// <summary>Splits <c>cohorts[*].tiers[0].efficiency</c> into name, null, name, 0, name.</summary>
    private static bool TryParseSegments(string path, out List<object?> segments)
    {
        segments = [];
        foreach (string part in path.Trim().Split('.'))
        {
            int bracket = part.IndexOf('[', StringComparison.Ordinal);
            string name = bracket < 0 ? part : part[..bracket];
            if (name.Length == 0 || !name.All(char.IsAsciiLetterOrDigit)) return false;
            segments.Add(name);
            string rest = bracket < 0 ? string.Empty : part[bracket..];
            while (rest.Length > 0)
            {
                int close = rest.IndexOf(']', StringComparison.Ordinal);
                if (rest[0] != '[' || close < 0) return false;
                string index = rest[1..close];
                if (index == "*") segments.Add(null);
                else if (int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out int i)) segments.Add(i);
                else return false;
                rest = rest[(close + 1)..];
            }
        }

        return true;
    }
}
