using ScottPlot;

namespace MinerSim.Charts.Tornado;

/// <summary>
/// Minimal font set-up for the tornado chart. ScottPlot on Linux finds fonts by scanning
/// /usr/share/fonts and otherwise draws no text at all; with system fonts only, its default
/// resolves to a serif face. This picks a sans face explicitly when one is installed.
/// </summary>
/// <remarks>Stand-in until the charts project's shared font registration is merged; then call that instead.</remarks>
internal static class TornadoFont
{
    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
    ];

    private static readonly Lazy<string> Name = new(Register);

    /// <summary>Registers the font once; returns its name for <see cref="Fonts.Default"/>.</summary>
    public static string Ensure() => Name.Value;

    private static string Register()
    {
        foreach (string path in Candidates)
        {
            if (File.Exists(path))
            {
                Fonts.AddFontFile("DejaVu Sans", path);
                Fonts.Default = "DejaVu Sans";
                return "DejaVu Sans";
            }
        }

        return Fonts.Default;
    }
}
