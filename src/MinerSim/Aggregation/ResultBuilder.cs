using MinerSim.Metrics;

namespace MinerSim.Aggregation;

/// <summary>Turns a complete <see cref="RunAggregate"/> into the numbers a run reports.</summary>
public static class ResultBuilder
{
    /// <summary>Bins of each summary histogram.</summary>
    public const int HistogramBins = 40;

    /// <summary>Builds the bands, summaries and histograms; <paramref name="threads"/> only sets speed.</summary>
    public static RunResult Build(RunAggregate aggregate, RunInfo info, int threads = 1)
    {
        if (!aggregate.IsComplete) throw new InvalidOperationException("the aggregate is missing blocks");
        int days = aggregate.Days;
        var daily = new DailyBands[MetricCatalog.DailyCount];
        for (int m = 0; m < daily.Length; m++) daily[m] = new DailyBands(MetricCatalog.DailyMetricNames[m], days);

        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
        Parallel.For(0, MetricCatalog.DailyCount * days, options, () => new double[aggregate.Columns is null ? 0 : aggregate.Paths], (cell, _, scratch) =>
        {
            int m = cell / days, d = cell % days;
            var bands = daily[m];
            if (aggregate.Columns is { } columns)
            {
                if (columns[cell].Length >= RadixSelect.MinLength)
                {
                    // Radix selection only reads its input: no copy needed.
                    RadixSelect.Levels(columns[cell], bands.QuantilesOf(d));
                }
                else
                {
                    columns[cell].AsSpan().CopyTo(scratch);
                    NumpyQuantile.Levels(scratch, bands.QuantilesOf(d));
                }
            }
            else
            {
                var sketch = aggregate.Sketches![m, d];
                var q = bands.QuantilesOf(d);
                for (int l = 0; l < QuantileLevels.Count; l++) q[l] = sketch.Quantile(QuantileLevels.Values[l]);
            }

            // Block sums in block order: the same bytes for any thread count or shard split.
            double sum = 0.0;
            foreach (var block in aggregate.BlockSums) sum += block![cell];
            bands.SetMean(d, sum / aggregate.Paths);
            return scratch;
        }, _ => { });

        var summaries = new SummaryStatistics[MetricCatalog.SummaryCount];
        var histograms = new Histogram[MetricCatalog.SummaryCount];
        // Each summary is sorted and reduced on its own: in parallel, with the same bytes as in sequence.
        Parallel.For(0, summaries.Length, options, s =>
        {
            var metric = (SummaryMetric)s;
            var sorted = (double[])aggregate.Summaries[s].Clone();
            Array.Sort(sorted);
            summaries[s] = Summarize(MetricCatalog.Name(metric), sorted, MetricCatalog.WorstIsLargest(metric));
            histograms[s] = BuildHistogram(MetricCatalog.Name(metric), sorted);
        });

        return new RunResult(info, daily, summaries, histograms);
    }

    /// <summary>Quantiles, mean and expected shortfalls of sorted per-path values.</summary>
    public static SummaryStatistics Summarize(string metric, ReadOnlySpan<double> sorted, bool worstIsLargest)
    {
        var q = new double[QuantileLevels.Count];
        for (int l = 0; l < q.Length; l++) q[l] = NumpyQuantile.OfSorted(sorted, QuantileLevels.Values[l]);
        double sum = 0.0;
        foreach (double x in sorted) sum += x;
        return new SummaryStatistics(metric, q, sum / sorted.Length, ExpectedShortfall(sorted, 0.05, worstIsLargest), ExpectedShortfall(sorted, 0.01, worstIsLargest));
    }

    /// <summary>Mean of the ceil(tail N) worst values (MODEL.md section 5), from the worst end inwards.</summary>
    public static double ExpectedShortfall(ReadOnlySpan<double> sorted, double tail, bool worstIsLargest)
    {
        int n = sorted.Length;
        int k = (int)Math.Min(n, Math.Ceiling(tail * n - 1e-9));
        if (k == 0) return double.NaN;
        double sum = 0.0;
        for (int i = 0; i < k; i++) sum += worstIsLargest ? sorted[n - 1 - i] : sorted[i];
        return sum / k;
    }

    private static Histogram BuildHistogram(string metric, ReadOnlySpan<double> sorted)
    {
        double lo = sorted[0], hi = sorted[^1];
        if (hi <= lo) hi = lo + Math.Max(1e-9, Math.Abs(lo) * 1e-9);
        var edges = new double[HistogramBins + 1];
        for (int i = 0; i <= HistogramBins; i++) edges[i] = lo + (hi - lo) * i / HistogramBins;
        var counts = new long[HistogramBins];
        foreach (double x in sorted)
        {
            int bin = (int)((x - lo) / (hi - lo) * HistogramBins);
            counts[Math.Clamp(bin, 0, HistogramBins - 1)]++;
        }

        return new Histogram(metric, edges, counts);
    }
}
