using System.Text.Json;
using System.Text.Json.Nodes;

namespace MinerSim.Benchmarks.Guard;

/// <summary>
/// Reads BenchmarkDotNet JSON reports (<c>--exporters json</c>: <c>*-report-full-compressed.json</c>,
/// one per benchmark class) and writes the combined baseline in the same shape, so one reader serves both.
/// </summary>
public static class BenchmarkReport
{
    /// <summary>The benchmarks of one JSON document.</summary>
    public static IReadOnlyList<BenchmarkRecord> Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var list = new List<BenchmarkRecord>();
        foreach (var b in doc.RootElement.GetProperty("Benchmarks").EnumerateArray())
        {
            string name = b.GetProperty("FullName").GetString()!;
            double median = b.GetProperty("Statistics").GetProperty("Median").GetDouble();
            long bytes = b.TryGetProperty("Memory", out var mem) && mem.TryGetProperty("BytesAllocatedPerOperation", out var a) ? a.GetInt64() : 0;
            list.Add(new BenchmarkRecord(name, median, bytes));
        }

        return list;
    }

    /// <summary>The benchmarks of a report file, or of every <c>*.json</c> report in a folder.</summary>
    public static IReadOnlyList<BenchmarkRecord> Load(string path)
    {
        var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal).ToArray() : [path];
        if (files.Length == 0) throw new FileNotFoundException($"no JSON reports in {path}");
        return files.SelectMany(f => Parse(File.ReadAllText(f))).ToArray();
    }

    /// <summary>A baseline document holding <paramref name="records"/> in BenchmarkDotNet's report shape.</summary>
    public static string Write(IEnumerable<BenchmarkRecord> records, string title)
    {
        var benchmarks = new JsonArray();
        foreach (var r in records)
        {
            benchmarks.Add(new JsonObject
            {
                ["FullName"] = r.FullName,
                ["Statistics"] = new JsonObject { ["Median"] = r.MedianNs },
                ["Memory"] = new JsonObject { ["BytesAllocatedPerOperation"] = r.BytesPerOperation },
            });
        }

        var root = new JsonObject { ["Title"] = title, ["Benchmarks"] = benchmarks };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
