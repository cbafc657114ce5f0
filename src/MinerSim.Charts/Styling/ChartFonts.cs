using ScottPlot;

namespace MinerSim.Charts.Styling;

/// <summary>
/// Registers the shipped DejaVu Sans with ScottPlot and makes it the default font, once per process.
/// </summary>
/// <remarks>
/// ScottPlot on Linux finds fonts by scanning <c>/usr/share/fonts</c>; with none installed, text
/// silently disappears, and with system fonts only the default resolves to a serif face
/// (verified on this project's build machines). Shipping the font makes charts look the same everywhere.
/// </remarks>
public static class ChartFonts
{
    /// <summary>Family name the charts use.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>
    /// Registers the font files (regular and bold) from the <c>Fonts</c> folder next to this assembly
    /// and sets <see cref="Fonts.Default"/>. Thread-safe; later calls do nothing.
    /// </summary>
    /// <exception cref="FileNotFoundException">The font files were not copied next to the assembly.</exception>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            string regular = Locate("DejaVuSans.ttf");
            string bold = Locate("DejaVuSans-Bold.ttf");
            Fonts.AddFontFile(Family, regular, bold: false, italic: false);
            Fonts.AddFontFile(Family, bold, bold: true, italic: false);
            Fonts.Default = Family;
            _registered = true;
        }
    }

    private static string Locate(string file)
    {
        string[] folders =
        [
            Path.GetDirectoryName(typeof(ChartFonts).Assembly.Location) ?? string.Empty,
            AppContext.BaseDirectory,
        ];
        foreach (string folder in folders.Where(f => f.Length > 0))
        {
            string path = Path.Combine(folder, "Fonts", file);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"charts: font file Fonts/{file} is missing next to {typeof(ChartFonts).Assembly.GetName().Name}.dll", file);
    }
}
