using System.Text;

namespace MinerSim.Charts.Files;

/// <summary>
/// Writes files so that readers only ever see the old file or the complete new one: the bytes go
/// to a temporary name in the same folder, which is then renamed over the target.
/// </summary>
/// <remarks>
/// A rename within one folder (one file system) replaces the target atomically on Linux and
/// Windows, so an interrupted run never leaves a half-written CSV, chart or report behind.
/// </remarks>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark.</summary>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Utf8NoBom.GetBytes(text));

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> through a temporary file.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        // A span cannot be captured by the lambda of Write: copy once (files here are small).
        byte[] copy = bytes.ToArray();
        Write(path, stream => stream.Write(copy));
    }

    /// <summary>
    /// Streams a file to a temporary name in the same folder through <paramref name="fill"/>, flushes it
    /// to disk, then renames it over <paramref name="path"/>: a reader sees the old file or the new one, never half.
    /// </summary>
    public static void Write(string path, Action<Stream> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? ".";
        string temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                fill(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
