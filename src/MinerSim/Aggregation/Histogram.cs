namespace MinerSim.Aggregation;

/// <summary>Equal-width histogram of one per-path summary (for the summary charts).</summary>
/// <param name="Metric">Summary name.</param>
/// <param name="Edges">Bin edges, one more than <paramref name="Counts"/>.</param>
/// <param name="Counts">Paths per bin; the last bin includes its upper edge.</param>
public sealed record Histogram(string Metric, IReadOnlyList<double> Edges, IReadOnlyList<long> Counts);
