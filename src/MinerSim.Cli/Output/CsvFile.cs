namespace MinerSim.Cli.Output;

/// <summary>
/// Reads one of the run folder's CSV files row by row, checking the header and the field count;
/// every problem is a one-line <see cref="InvalidDataException"/> naming the file and line.
/// </summary>
internal sealed class CsvFile
{
    private readonly string[] _lines;

    private CsvFile(string path, string[] lines)
    {
        Path = path;
        _lines = lines;
    }

    /// <summary>The file's path, as named in error messages.</summary>
    public string Path { get; }

    /// <summary>Opens <paramref name="path"/> and checks its header.</summary>
    public static CsvFile Open(string path, string header)
    {
        string[] lines = RunFolderReader.ReadText(path).Split('\n');
        if (lines.Length > 0 && lines[^1].Length == 0)
        {
            lines = lines[..^1];
        }

        var file = new CsvFile(path, lines.Select(l => l.TrimEnd('\r')).ToArray());
        if (file._lines.Length == 0 || file._lines[0] != header)
        {
            throw file.Error(1, $"expected the header '{header}'");
        }

        return file;
    }

    /// <summary>Data rows with their 1-based line numbers, split into fields.</summary>
    public IEnumerable<(int Line, string[] Fields)> Rows(int fieldCount)
    {
        for (int i = 1; i < _lines.Length; i++)
        {
            string[] fields = _lines[i].Split(',');
            if (fields.Length != fieldCount)
            {
                throw Error(i + 1, $"expected {fieldCount} fields, found {fields.Length}");
            }

            if (fields[0].Length == 0)
            {
                throw Error(i + 1, "the metric name is empty");
            }

            yield return (i + 1, fields);
        }
    }

    /// <summary>A field as a double.</summary>
    public double Double(int line, string[] fields, int index, string column) =>
        CsvNumbers.TryParse(fields[index], out double value) ? value : throw Error(line, $"{column} '{fields[index]}' is not a number");

    /// <summary>A field as a non-negative integer.</summary>
    public long Count(int line, string[] fields, int index, string column) =>
        CsvNumbers.TryParse(fields[index], out long value) && value >= 0 ? value : throw Error(line, $"{column} '{fields[index]}' is not a non-negative integer");

    /// <summary>An error about line <paramref name="line"/> of this file.</summary>
    public InvalidDataException Error(int line, string message) => new($"{Path}: line {line}: {message}");
}
