namespace MinerSim.Aggregation;

/// <summary>Everything a run reports: daily bands, per-path summaries and their histograms.</summary>
/// <param name="Info">What the run was.</param>
/// <param name="Daily">One <see cref="DailyBands"/> per daily metric, in catalog order.</param>
/// <param name="Summaries">One row per summary metric, in catalog order.</param>
/// <param name="Histograms">One histogram per summary metric, in catalog order.</param>
public sealed record RunResult(
    RunInfo Info,
    IReadOnlyList<DailyBands> Daily,
    IReadOnlyList<SummaryStatistics> Summaries,
    IReadOnlyList<Histogram> Histograms)
{
    /// <summary>The bands of a daily metric by CSV name, or null.</summary>
    public DailyBands? Bands(string metric) => Daily.FirstOrDefault(b => b.Metric == metric);
}
