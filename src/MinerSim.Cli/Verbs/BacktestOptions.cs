using System.Globalization;
using MinerSim.Backtests;
using MinerSim.Cli.Hosting;
using MinerSim.Cli.Scenarios;
using MinerSim.Miners;
using MinerSim.Network;
using MinerSim.Prices;
using MinerSim.Scenarios;

namespace MinerSim.Cli.Verbs;

/// <summary>Options the history verbs (<c>backtest</c>, <c>calibrate</c>) share: dates and the real data files.</summary>
internal static class BacktestOptions
{
    /// <summary>The scenario (default <see cref="BacktestVerb.DefaultScenario"/>) and the history, each file defaulting to <c>../data/</c> beside the scenario's folder.</summary>
    public static (ScenarioFiles.Loaded Loaded, BacktestData Data) Load(string? scenario, string? prices, string? epochs, string? frontier, string? events)
    {
        var loaded = ScenarioFiles.Load(scenario ?? BacktestVerb.DefaultScenario);
        if (loaded.Scenario.StartDate is null)
        {
            throw new UsageException($"--scenario: {loaded.Path} has no startDate; the backtest sets its fleet's J/TH against the efficiency frontier on that date");
        }

        string folder = Path.Combine(loaded.Folder, "..", "data");
        string pricePath = prices ?? Path.Combine(folder, "btc-usd-daily.csv");
        string epochPath = epochs ?? Path.Combine(folder, "difficulty-epochs.csv");
        string frontierPath = frontier ?? Path.Combine(folder, "asic-frontier.csv");
        string eventsPath = events ?? Path.Combine(folder, "events.csv");
        var data = new BacktestData(
            ChainHistory.Parse(Read("--epochs", epochPath), Shown(epochPath)),
            HistoricalPrices.ParseCloses(Read("--prices", pricePath), Shown(pricePath)),
            EfficiencyFrontier.Parse(Read("--frontier", frontierPath), Shown(frontierPath)),
            events == "none" ? [] : EventList.Parse(Read("--events", eventsPath), Shown(eventsPath)));
        return (loaded, data);
    }

    /// <summary>A <c>yyyy-MM-dd</c> date option.</summary>
    public static DateOnly Date(string option, string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new UsageException($"{option}: '{value}' is not a date; expected yyyy-MM-dd, e.g. 2020-01-01");

    private static string Shown(string path) => Path.GetRelativePath(Environment.CurrentDirectory, Path.GetFullPath(path));

    private static string Read(string option, string path)
    {
        if (!File.Exists(path)) throw new UsageException($"{option}: {Shown(path)}: no such file");
        return File.ReadAllText(path);
    }
}
