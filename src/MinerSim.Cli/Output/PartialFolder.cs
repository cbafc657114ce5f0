using MinerSim.Aggregation;
using MinerSim.Charts.Files;

namespace MinerSim.Cli.Output;

/// <summary>
/// A partial result folder: <c>partial.json</c> (<see cref="PartialManifest"/>), <c>partial.bin</c>
/// (<see cref="AggregateSerializer"/>: the finished blocks, the exact sums, and the per-path summaries
/// and exact columns or the sketch counts) and <c>scenario.json</c> (the scenario file, verbatim). A shard writes one as
/// its output; a run keeps its checkpoint in one (<see cref="Checkpoint"/>).
/// </summary>
internal static class PartialFolder
{
    public const string Manifest = "partial.json";
    public const string Data = "partial.bin";

    /// <summary>Writes the three files into <paramref name="dir"/>, each atomically, the manifest last.</summary>
    public static void Write(string dir, PartialManifest manifest, RunAggregate aggregate, string scenarioJson)
    {
        Directory.CreateDirectory(dir);
        AtomicFile.Write(Path.Combine(dir, Data), stream => AggregateSerializer.Write(stream, aggregate));
        AtomicFile.WriteAllText(Path.Combine(dir, RunFolderFiles.Scenario), scenarioJson);
        AtomicFile.WriteAllText(Path.Combine(dir, Manifest), manifest.ToJson());
    }

    /// <summary>True when <paramref name="dir"/> holds a partial manifest.</summary>
    public static bool Exists(string dir) => File.Exists(Path.Combine(dir, Manifest));

    /// <summary>Reads <c>partial.json</c>; a missing or bad file is a one-line <see cref="InvalidDataException"/>.</summary>
    public static PartialManifest ReadManifest(string dir)
    {
        string path = Path.Combine(dir, Manifest);
        if (!Directory.Exists(dir)) throw new InvalidDataException($"{dir}: no such folder");
        if (!File.Exists(path)) throw new InvalidDataException($"{dir}: not a partial result (no {Manifest}; write one with 'minersim run --shard i/n')");
        return PartialManifest.Parse(path, File.ReadAllText(path));
    }

    /// <summary>The scenario file stored with the partial.</summary>
    public static string ReadScenario(string dir)
    {
        string path = Path.Combine(dir, RunFolderFiles.Scenario);
        return File.Exists(path) ? File.ReadAllText(path) : throw new InvalidDataException($"{dir}: missing {RunFolderFiles.Scenario}");
    }

    /// <summary>Adds the blocks of <c>partial.bin</c> to <paramref name="target"/>; returns them.</summary>
    public static int[] LoadInto(string dir, RunAggregate target)
    {
        string path = Path.Combine(dir, Data);
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: missing");
        using var stream = new BufferedStream(File.OpenRead(path), 1 << 20);
        try
        {
            return AggregateSerializer.Read(stream, target);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }
}
