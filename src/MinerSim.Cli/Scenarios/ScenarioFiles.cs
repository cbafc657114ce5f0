using MinerSim.Kernel;
using MinerSim.Prices;
using MinerSim.Scenarios;

namespace MinerSim.Cli.Scenarios;

/// <summary>Reads scenario files from disk for the verbs (the engine itself does no I/O).</summary>
internal static class ScenarioFiles
{
    /// <summary>A loaded scenario with its source text, hash and folder.</summary>
    /// <param name="Scenario">The validated scenario.</param>
    /// <param name="Json">The file's text.</param>
    /// <param name="Hash">SHA-256 of <paramref name="Json"/>.</param>
    /// <param name="Path">The path as given.</param>
    /// <param name="Folder">The file's folder, absolute.</param>
    /// <param name="HistoricalReturns">Daily log returns of the bootstrap model's CSV; null for other price models.</param>
    /// <param name="Replay">Daily closes of the replay model's CSV; null for other price models.</param>
    public sealed record Loaded(Scenario Scenario, string Json, string Hash, string Path, string Folder, IReadOnlyList<double>? HistoricalReturns = null, PriceHistory? Replay = null)
    {
        /// <summary>Compiles the scenario (or <paramref name="scenario"/>, a variant of it) for <paramref name="days"/> days (default: the scenario's).</summary>
        /// <exception cref="ScenarioException">A replayed scenario's days run past its price history.</exception>
        public CompiledScenario Compile(int? days = null, Scenario? scenario = null)
        {
            var s = scenario ?? Scenario;
            int d = days ?? s.Days;
            return new CompiledScenario(s, d, HistoricalReturns, Replay is null ? null : ReplayWindow(Replay, s, d, Path));
        }
    }

    /// <summary>Reads and validates <paramref name="path"/>; every failure is a one-line <see cref="ScenarioException"/>.</summary>
    public static Loaded Load(string path)
    {
        string json = ReadText(path, "scenario file");
        var scenario = ScenarioLoader.Parse(json, path);
        string folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        var returns = scenario.Price.Model == "bootstrap" && scenario.Price.Bootstrap is { } spec
            ? ReadReturns(path, folder, spec)
            : null;
        var replay = scenario.Price.Model == "replay" && scenario.Price.Replay is { } r
            ? ReadCloses(path, folder, r)
            : null;
        if (replay is not null) ReplayWindow(replay, scenario, scenario.Days, path);
        return new Loaded(scenario, json, ScenarioLoader.Hash(json), path, folder, returns, replay);
    }

    /// <summary>Reads the replay CSV named by the scenario, relative to the scenario's folder.</summary>
    private static PriceHistory ReadCloses(string scenarioPath, string folder, ReplaySpec spec)
    {
        string csvPath = System.IO.Path.Combine(folder, spec.File);
        string shown = System.IO.Path.GetRelativePath(Environment.CurrentDirectory, csvPath);
        if (!File.Exists(csvPath))
        {
            throw new ScenarioException($"{scenarioPath}: price.replay.file: {shown}: no such file (the path is relative to the scenario's folder)");
        }

        return HistoricalPrices.ParseCloses(ReadText(csvPath, "price history"), shown);
    }

    /// <summary>The closes of the scenario's start date and the <paramref name="days"/> - 1 days after it.</summary>
    private static double[] ReplayWindow(PriceHistory history, Scenario scenario, int days, string path)
    {
        var start = scenario.StartDate!.Value;
        var end = start.AddDays(days - 1);
        if (!history.Covers(start) || !history.Covers(end))
        {
            throw new ScenarioException($"{path}: startDate {start:yyyy-MM-dd} and {days} days need closes to {end:yyyy-MM-dd}; price.replay.file covers {history.First:yyyy-MM-dd} .. {history.Last:yyyy-MM-dd}");
        }

        return history.Window(start, days);
    }

    /// <summary>Reads the bootstrap CSV named by the scenario, relative to the scenario's folder.</summary>
    private static double[] ReadReturns(string scenarioPath, string folder, BootstrapSpec spec)
    {
        string csvPath = System.IO.Path.Combine(folder, spec.File);
        string shown = System.IO.Path.GetRelativePath(Environment.CurrentDirectory, csvPath);
        if (!File.Exists(csvPath))
        {
            throw new ScenarioException($"{scenarioPath}: price.bootstrap.file: {shown}: no such file (the path is relative to the scenario's folder)");
        }

        var returns = HistoricalPrices.ParseLogReturns(ReadText(csvPath, "price history"), shown);
        if (returns.Length < spec.BlockDays)
        {
            throw new ScenarioException($"{shown}: {returns.Length} daily returns; price.bootstrap.blockDays {spec.BlockDays} needs at least as many");
        }

        return returns;
    }

    private static string ReadText(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new ScenarioException($"{path}: no such {what}");
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException($"{path}: cannot read: {e.Message}", e);
        }
    }
}
