using MinerSim.Kernel;
using MinerSim.Scenarios;

namespace MinerSim.Benchmarks;

/// <summary>Sample scenarios (samples/scenarios/NAME.json) compiled for the benchmarks.</summary>
internal static class BenchmarkModels
{
    /// <summary>The reference scenario (MODEL.md section 9).</summary>
    public static CompiledScenario Reference(int? days = null) => Load("reference", days);

    /// <summary>samples/scenarios/<paramref name="name"/>.json (a gbm or regime scenario: no data file).</summary>
    public static CompiledScenario Load(string name, int? days = null)
    {
        string path = Measure.RepoFile("samples", "scenarios", name + ".json");
        var scenario = ScenarioLoader.Parse(File.ReadAllText(path), name + ".json");
        return new CompiledScenario(scenario, days ?? scenario.Days);
    }
}
