using System.Net;
using System.Text;

namespace MinerSim.Charts.Reports;

/// <summary>Writes a plain HTML table with encoded cells; numeric columns are right-aligned.</summary>
internal static class HtmlTable
{
    /// <param name="html">Page being built.</param>
    /// <param name="header">Column names.</param>
    /// <param name="rows">Cell texts, one array per row.</param>
    /// <param name="numericFrom">Index of the first numeric column.</param>
    public static void Write(StringBuilder html, IReadOnlyList<string> header, IEnumerable<string[]> rows, int numericFrom)
    {
        html.Append("<table>\n<thead><tr>");
        foreach (string h in header)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (string[] row in rows)
        {
            html.Append("<tr>");
            for (int i = 0; i < row.Length; i++)
            {
                html.Append(i >= numericFrom ? "<td class=\"num\">" : "<td>").Append(WebUtility.HtmlEncode(row[i])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }
}
