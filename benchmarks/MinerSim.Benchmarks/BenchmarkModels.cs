using MinerSim.Kernel;
using MinerSim.Scenarios;

namespace MinerSim.Benchmarks;

/// <summary>The reference scenario (samples/scenarios/reference.json) compiled for the benchmarks.</summary>
internal static class BenchmarkModels
{
    public static CompiledScenario Reference(int? days = null)
    {
        string path = Measure.RepoFile("samples", "scenarios", "reference.json");
        var scenario = ScenarioLoader.Parse(File.ReadAllText(path), "reference.json");
        return new CompiledScenario(scenario, days ?? scenario.Days);
    }
}
