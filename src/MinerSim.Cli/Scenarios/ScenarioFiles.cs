using MinerSim.Scenarios;

namespace MinerSim.Cli.Scenarios;

/// <summary>Reads scenario files from disk for the verbs (the engine itself does no I/O).</summary>
internal static class ScenarioFiles
{
    /// <summary>A loaded scenario with its source text, hash and folder.</summary>
    public sealed record Loaded(Scenario Scenario, string Json, string Hash, string Path, string Folder);

    /// <summary>Reads and validates <paramref name="path"/>; every failure is a one-line <see cref="ScenarioException"/>.</summary>
    public static Loaded Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ScenarioException($"{path}: no such scenario file");
        }

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException($"{path}: cannot read: {e.Message}", e);
        }

        var scenario = ScenarioLoader.Parse(json, path);
        string folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        return new Loaded(scenario, json, ScenarioLoader.Hash(json), path, folder);
    }
}
