using System.Text;

namespace MinerSim.Cli.Verbs;

/// <summary>Writes a file through a temporary name and a rename, so a reader never sees half a file.</summary>
internal static class AtomicFile
{
    public static void Write(string path, string text) => Write(path, Encoding.UTF8.GetBytes(text));

    public static void Write(string path, byte[] bytes)
    {
        string temp = path + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }
}
