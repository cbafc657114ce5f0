using System.Text;

namespace MinerSim.Cli.Output;

/// <summary>Aligned plain-text tables for the console: two spaces between columns, text left, numbers right.</summary>
internal static class TextTable
{
    /// <summary>
    /// Appends <paramref name="header"/> and <paramref name="rows"/>, each column as wide as its widest
    /// cell; the first <paramref name="textColumns"/> columns are left-aligned, the rest right-aligned.
    /// </summary>
    public static void Append(StringBuilder sb, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, int textColumns = 1)
    {
        int[] widths = header.Select((h, k) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[k].Length))).ToArray();
        AppendRow(sb, header, widths, textColumns);
        foreach (var row in rows) AppendRow(sb, row, widths, textColumns);
    }

    private static void AppendRow(StringBuilder sb, IReadOnlyList<string> cells, int[] widths, int textColumns)
    {
        var line = new StringBuilder();
        for (int k = 0; k < cells.Count; k++)
        {
            if (k > 0) line.Append("  ");
            line.Append(k < textColumns ? cells[k].PadRight(widths[k]) : cells[k].PadLeft(widths[k]));
        }

        sb.Append(line.ToString().TrimEnd()).Append('\n');
    }
}
