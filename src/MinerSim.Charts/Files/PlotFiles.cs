using MinerSim.Charts.Styling;
using ScottPlot;

namespace MinerSim.Charts.Files;

/// <summary>Renders a plot to PNG and SVG files of the house size, each written atomically.</summary>
internal static class PlotFiles
{
    /// <summary>Writes <c>name.png</c> and <c>name.svg</c> into <paramref name="dir"/>; returns both paths.</summary>
    public static IEnumerable<string> Write(string dir, string name, Plot plot)
    {
        string png = Path.Combine(dir, name + ".png");
        string svg = Path.Combine(dir, name + ".svg");
        AtomicFile.WriteAllBytes(png, plot.GetImageBytes(ChartPalette.Width, ChartPalette.Height, ImageFormat.Png));
        AtomicFile.WriteAllText(svg, Svg(plot));
        return [png, svg];
    }

    /// <summary>The plot as an SVG document of the house size.</summary>
    public static string Svg(Plot plot) => plot.GetSvgXml(ChartPalette.Width, ChartPalette.Height);
}
