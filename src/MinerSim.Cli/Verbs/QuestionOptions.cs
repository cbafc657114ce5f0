using MinerSim.Cli.Hosting;
using MinerSim.Scenarios;

namespace MinerSim.Cli.Verbs;

/// <summary>Checks of the options the question verbs (<c>spiral</c>, <c>sensitivity</c>) share.</summary>
internal static class QuestionOptions
{
    /// <summary>Largest --paths accepted.</summary>
    public const long MaxPaths = 100_000_000;

    public static long Paths(long? value, long fallback)
    {
        long n = value ?? fallback;
        OptionChecks.InRange("--paths", n, 1, MaxPaths);
        return n;
    }

    public static int Days(int? value, Scenario scenario)
    {
        int d = value ?? scenario.Days;
        OptionChecks.InRange("--days", d, 1, ScenarioValidator.MaxDays);
        return d;
    }

    public static int Threads(int? value)
    {
        int t = value ?? Environment.ProcessorCount;
        OptionChecks.InRange("--threads", t, 1, 1024);
        return t;
    }

    public static string Format(string? value)
    {
        string format = (value ?? "table").ToLowerInvariant();
        return format is "table" or "csv" or "json" ? format : throw new UsageException($"--format: '{value}' is not one of table, csv, json");
    }
}
