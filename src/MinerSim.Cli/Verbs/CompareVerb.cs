using System.Globalization;
using CommandLine;
using CommandLine.Text;
using MinerSim.Charts;
using MinerSim.Charts.Files;
using MinerSim.Cli.Hosting;
using MinerSim.Cli.Output;

namespace MinerSim.Cli.Verbs;

/// <summary>
/// <c>minersim compare DIR_A DIR_B</c>: overlays two runs' medians and 5-95 bands per metric and
/// writes <c>compare.csv</c> with the changes B - A at chosen days and for every summary.
/// </summary>
[Verb("compare", HelpText = "Compare two run folders: overlay charts per metric and compare.csv with the changes B - A.")]
internal sealed class CompareVerb : IVerb
{
    [Value(0, MetaName = "DIR_A", Required = true, HelpText = "Baseline run folder (A).")]
    public string DirA { get; set; } = string.Empty;

    [Value(1, MetaName = "DIR_B", Required = true, HelpText = "Run folder to compare with the baseline (B).")]
    public string DirB { get; set; } = string.Empty;

    [Option("out", MetaValue = "DIR", HelpText = "Output folder (default: DIR_B/compare-vs-<name of DIR_A>).")]
    public string? Out { get; set; }

    [Option("days", MetaValue = "LIST", HelpText = "Comma-separated days for compare.csv (default: 30,90,180 and the last day).")]
    public string? Days { get; set; }

    [Usage(ApplicationAlias = "minersim")]
    public static IEnumerable<Example> Examples =>
    [
        new("Compare a stressed run with the reference", new CompareVerb { DirA = "runs/reference", DirB = "runs/stress" }),
        new("Choose the days and the output folder", new CompareVerb { DirA = "runs/reference", DirB = "runs/stress", Days = "30,90,180,364", Out = "runs/cmp" }),
    ];

    public int Execute(CliContext context)
    {
        string nameA = FolderName(DirA), nameB = FolderName(DirB);
        var (a, _) = RunFolderReader.Read(DirA);
        var (b, _) = RunFolderReader.Read(DirB);
        RunComparison.EnsureCompatible(a, DirA, b, DirB);
        var days = ParseDays(Days, a.Info.Days);

        string outDir = Out ?? Path.Combine(DirB, "compare-vs-" + nameA);
        Directory.CreateDirectory(outDir);
        string labelA = nameA == nameB ? "A: " + nameA : nameA;
        string labelB = nameA == nameB ? "B: " + nameB : nameB;
        var charts = CompareCharts.WriteAll(outDir, a, b, labelA, labelB);
        AtomicFile.WriteAllText(Path.Combine(outDir, RunComparison.FileName), RunComparison.Csv(a, b, days));

        context.Out.WriteLine($"A = {DirA}, B = {DirB}, {a.Info.Days} days; changes are B - A");
        foreach (string line in RunComparison.Table(a, b, days))
        {
            context.Out.WriteLine(line);
        }

        context.Out.WriteLine($"wrote {RunComparison.FileName} and {charts.Count} chart files to {outDir}");
        return ExitCodes.Ok;
    }

    internal static IReadOnlyList<int> ParseDays(string? text, int horizon)
    {
        if (text is null)
        {
            return RunComparison.DefaultDays(horizon);
        }

        var days = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int day))
            {
                throw new UsageException($"--days: '{part}' is not a day number; give a list like 30,90,180");
            }

            if (day >= horizon)
            {
                throw new UsageException($"--days: day {day} is past the runs' horizon (days 0 to {horizon - 1})");
            }

            days.Add(day);
        }

        return days.Distinct().Order().ToList();
    }

    private static string FolderName(string dir) =>
        Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir))) is { Length: > 0 } name ? name : "run";
}
