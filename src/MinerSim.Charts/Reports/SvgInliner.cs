using System.Text.RegularExpressions;

namespace MinerSim.Charts.Reports;

/// <summary>
/// Makes an SVG document fit inside an HTML page: drops the XML prolog, prefixes every id so the
/// clip paths of one chart cannot capture another chart's references, and adds a viewBox so the
/// chart scales with the page.
/// </summary>
internal static partial class SvgInliner
{
    public static string Inline(string svg, string prefix)
    {
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        string body = start < 0 ? svg : svg[start..];
        body = IdAttribute().Replace(body, m => $"id=\"{prefix}{m.Groups[1].Value}\"");
        body = UrlReference().Replace(body, m => $"url(#{prefix}{m.Groups[1].Value})");
        body = HrefReference().Replace(body, m => $"{m.Groups[1].Value}=\"#{prefix}{m.Groups[2].Value}\"");
        return AddViewBox(body);
    }

    private static string AddViewBox(string svg)
    {
        int close = svg.IndexOf('>', StringComparison.Ordinal);
        if (close < 0)
        {
            return svg;
        }

        string open = svg[..close];
        if (open.Contains("viewBox", StringComparison.Ordinal))
        {
            return svg;
        }

        var width = Dimension("width").Match(open);
        var height = Dimension("height").Match(open);
        if (!width.Success || !height.Success)
        {
            return svg;
        }

        return $"{open} viewBox=\"0 0 {width.Groups[1].Value} {height.Groups[1].Value}\"{svg[close..]}";
    }

    private static Regex Dimension(string name) => new($"\\s{name}=\"([0-9.]+)\"", RegexOptions.CultureInvariant);

    [GeneratedRegex("id=\"([^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex IdAttribute();

    [GeneratedRegex("url\\(#([^)]+)\\)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlReference();

    [GeneratedRegex("(xlink:href|href)=\"#([^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex HrefReference();
}
