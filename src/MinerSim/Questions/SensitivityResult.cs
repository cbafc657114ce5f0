namespace MinerSim.Questions;

/// <summary>What <see cref="SensitivityAnalysis"/> found.</summary>
/// <param name="Metric">The metric studied.</param>
/// <param name="Delta">Relative move of each parameter, down and up.</param>
/// <param name="Paths">Paths per run.</param>
/// <param name="Seed">The seed every run shared.</param>
/// <param name="Base">The metric in the base scenario.</param>
/// <param name="Rows">One row per parameter, largest effect first.</param>
public sealed record SensitivityResult(MetricSpec Metric, double Delta, long Paths, ulong Seed, double Base, IReadOnlyList<SensitivityRow> Rows);
