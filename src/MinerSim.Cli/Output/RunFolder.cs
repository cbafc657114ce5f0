namespace MinerSim.Cli.Output;

/// <summary>
/// Creates a run folder so that it appears complete or not at all: everything is written into a
/// hidden sibling folder, which is renamed into place only after the last file is closed.
/// </summary>
internal static class RunFolder
{
    /// <summary>Fails with one line when <paramref name="dir"/> already exists (results are never overwritten).</summary>
    public static void EnsureAbsent(string dir)
    {
        if (Directory.Exists(dir) || File.Exists(dir))
        {
            throw new IOException($"--out: {dir} already exists; choose another folder or remove it");
        }
    }

    /// <summary>
    /// Fails with one line, before any work is done, when the folder that will hold <paramref name="dir"/>
    /// cannot be created or written to.
    /// </summary>
    public static void EnsureWritable(string dir)
    {
        string parent = Path.GetDirectoryName(Path.GetFullPath(dir)) ?? ".";
        try
        {
            Directory.CreateDirectory(parent);
            string probe = Path.Combine(parent, $".minersim-probe-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"--out: cannot write to {parent}: {e.Message}", e);
        }
    }

    /// <summary>Writes through <paramref name="fill"/> into a temporary folder, then renames it to <paramref name="dir"/>.</summary>
    public static void WriteAtomically(string dir, Action<string> fill)
    {
        string full = Path.GetFullPath(dir);
        string parent = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(parent);
        string temp = Path.Combine(parent, $".{Path.GetFileName(full)}.partial-{Environment.ProcessId}");
        if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        Directory.CreateDirectory(temp);
        try
        {
            fill(temp);
            EnsureAbsent(dir);
            Directory.Move(temp, full);
        }
        catch
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            throw;
        }
    }
}
