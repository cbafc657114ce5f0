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
        return n is >= 1 and <= MaxPaths ? n : throw new UsageException($"--paths: {n} is not in [1, {MaxPaths}]");
    }

    public static int Days(int? value, Scenario scenario)
    {
        int d = value ?? scenario.Days;
        return d is >= 1 and <= ScenarioValidator.MaxDays ? d : throw new UsageException($"--days: {d} is not in [1, {ScenarioValidator.MaxDays}]");
    }

    public static int Threads(int? value)
    {
        int t = value ?? Environment.ProcessorCount;
        return t is >= 1 and <= 1024 ? t : throw new UsageException($"--threads: {t} is not in [1, 1024]");
    }

    public static string Format(string? value)
    {
        string format = (value ?? "table").ToLowerInvariant();
        return format is "table" or "csv" or "json" ? format : throw new UsageException($"--format: '{value}' is not one of table, csv, json");
    }
}
