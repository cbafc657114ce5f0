using MinerSim.Aggregation;

namespace MinerSim.Cli.Output;

/// <summary>
/// A run's checkpoint: the partial folder <c>DIR.inprogress/</c> next to the output folder
/// <c>DIR</c>, holding the blocks finished so far. It is rewritten (file by file, atomically)
/// between chunks of blocks and on Ctrl-C, and deleted once <c>DIR</c> is written, so a run killed
/// at any moment can go on with <c>minersim run --resume DIR</c>.
/// </summary>
internal static class Checkpoint
{
    /// <summary>Suffix of the checkpoint folder.</summary>
    public const string Suffix = ".inprogress";

    /// <summary>The checkpoint folder of output folder <paramref name="outDir"/>.</summary>
    public static string FolderOf(string outDir) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir)) + Suffix;

    /// <summary>True when <paramref name="outDir"/> has a checkpoint.</summary>
    public static bool Exists(string outDir) => PartialFolder.Exists(FolderOf(outDir));

    /// <summary>Saves the finished blocks of <paramref name="aggregate"/>.</summary>
    public static void Save(string outDir, PartialManifest manifest, RunAggregate aggregate, string scenarioJson)
    {
        string dir = FolderOf(outDir);
        if (Directory.Exists(dir))
        {
            // Temporary files left by a process that was killed while saving.
            string mine = $".{Environment.ProcessId}.";
            foreach (string stale in Directory.GetFiles(dir, ".*.tmp").Where(f => !Path.GetFileName(f).Contains(mine, StringComparison.Ordinal)))
            {
                File.Delete(stale);
            }
        }

        PartialFolder.Write(dir, manifest, aggregate, scenarioJson);
    }

    /// <summary>Removes the checkpoint (after the output folder is complete).</summary>
    public static void Delete(string outDir)
    {
        string dir = FolderOf(outDir);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }
}
