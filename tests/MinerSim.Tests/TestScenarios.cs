using MinerSim.Scenarios;

namespace MinerSim.Tests;

/// <summary>Loads the shipped sample scenarios for tests.</summary>
internal static class TestScenarios
{
    public static string RepoRoot { get; } = FindRoot();

    public static string PathOf(string name) => Path.Combine(RepoRoot, "samples", "scenarios", name + ".json");

    public static Scenario Load(string name) => ScenarioLoader.Parse(File.ReadAllText(PathOf(name)), name + ".json");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Simulation.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (Simulation.sln)");
    }
}
