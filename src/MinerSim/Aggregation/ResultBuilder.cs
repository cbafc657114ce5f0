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

            // The exact sum of the block sums, rounded once: the same bytes for any thread count, shard split or resume.
            bands.SetMean(d, aggregate.Sums.Round(aggregate.DailyCell(m, d)) / aggregate.Paths);
            return scratch;
        }, _ => { });

        var summaries = new SummaryStatistics[MetricCatalog.SummaryCount];
        var histograms = new Histogram[MetricCatalog.SummaryCount];
        // Each summary is reduced on its own: in parallel, with the same bytes as in sequence.
        Parallel.For(0, summaries.Length, options, s =>
        {
            var metric = (SummaryMetric)s;
            string name = MetricCatalog.Name(metric);
            double mean = aggregate.Sums.Round(aggregate.SummaryCell(s)) / aggregate.Paths;
            (summaries[s], histograms[s]) = aggregate.Summaries is { } columns
                ? Summarize(name, columns[s], MetricCatalog.WorstIsLargest(metric), mean: mean)
                : SummarizeSketch(name, aggregate.Sketches!.Summary(s), mean, MetricCatalog.WorstIsLargest(metric), MetricCatalog.IsWholeNumber(metric));
        });

        return new RunResult(info, daily, summaries, histograms);
    }

    /// <summary>
    /// Quantiles, mean, expected shortfalls and histogram of per-path values in path order, which
    /// are only read. No sort: one radix selection finds the fourteen order statistics the levels
    /// interpolate between and the boundary of each tail, then two passes in path order give the
    /// sums, the range and the bin counts. The quantiles and the histogram are exactly those of a
    /// sorted copy; the shortfalls (and the mean, when none is given) add the same terms in path order
    /// rather than in sorted order, a fixed order, so they too do not depend on threads or shard splits.
    /// A run passes the mean of its exact sums, the same bits as in sketch mode.
    /// </summary>
    /// <param name="metric">Summary name the results carry.</param>
    /// <param name="values">One value per path, in path order.</param>
    /// <param name="worstIsLargest">Whether the shortfalls average the largest values (else the smallest).</param>
    /// <param name="tail95">Tail of <see cref="SummaryStatistics.Es95"/>; tests move it to reach k = 1 and k = n.</param>
    /// <param name="tail99">Tail of <see cref="SummaryStatistics.Es99"/>.</param>
    /// <param name="mean">The mean to report (a run's, from its exact sums); null: the values' sum in path order over n.</param>
    internal static (SummaryStatistics Statistics, Histogram Histogram) Summarize(
        string metric, ReadOnlySpan<double> values, bool worstIsLargest, double tail95 = 0.05, double tail99 = 0.01, double? mean = null)
    {
        int n = values.Length;
        if (n == 0) throw new ArgumentException("no paths to summarize", nameof(values));
        int k95 = TailCount(n, tail95), k99 = TailCount(n, tail99);

        // The k-th worst value of each tail, after the level ranks: one selection for all of them.
        Span<int> ranks = stackalloc int[NumpyQuantile.LevelRankCount + 2];
        NumpyQuantile.LevelRanks(n, ranks);
        ranks[^2] = BoundaryRank(n, k95, worstIsLargest);
        ranks[^1] = BoundaryRank(n, k99, worstIsLargest);
        Span<double> order = stackalloc double[ranks.Length];
        OrderStatistics(values, ranks, order);
        var q = new double[QuantileLevels.Count];
        NumpyQuantile.LevelsOfOrder(n, order, q);

        // The k worst values are those strictly worse than the k-th worst t (m of them) and k - m
        // copies of t, however many values tie with t. Comparing s x with s t for s = +-1 (exact)
        // serves both directions with one loop; all sums run in path order.
        double sign = worstIsLargest ? 1.0 : -1.0;
        double t95 = order[^2], t99 = order[^1];
        double beyond95 = sign * t95, beyond99 = sign * t99;
        double sum = 0.0, sum95 = 0.0, sum99 = 0.0, lo = values[0], hi = values[0];
        int m95 = 0, m99 = 0;
        foreach (double x in values)
        {
            sum += x;
            if (x < lo) lo = x;
            if (x > hi) hi = x;
            double signed = sign * x;
            if (signed > beyond95)
            {
                sum95 += x;
                m95++;
            }

            if (signed > beyond99)
            {
                sum99 += x;
                m99++;
            }
        }

        return (new SummaryStatistics(metric, q, mean ?? sum / n, TailMean(sum95, m95, t95, k95), TailMean(sum99, m99, t99, k99)), BuildHistogram(metric, values, lo, hi));
    }

    /// <summary>
    /// Sketch mode's summary of one per-path metric, from its <see cref="LogBucketSketch"/> (no per-path values are
    /// kept): the quantiles as the daily bands take them (<see cref="LogBucketSketch.Quantile"/>, within
    /// <see cref="LogBucketSketch.RelativeAccuracy"/> of the ranked value), the exact mean it is given, the expected
    /// shortfalls of the same ceil(tail N) worst values by <see cref="LogBucketSketch.TailMean"/> (within the sketch's
    /// accuracy), and the histogram over the exact [min, max] with each bucket's count in the bin of its value.
    /// </summary>
    /// <remarks>
    /// A histogram bin count can differ from the exact one by the values within one bucket width
    /// (<see cref="LogBucketSketch.RelativeAccuracy"/> of the value) of the bin's edges, which the bucket value may put
    /// on the other side; the counts still add up to N. Everything is read from integer counts in a fixed order,
    /// so the result is the same for any thread count, shard split or resume. For whole-number metrics the
    /// quantiles and the histogram's bucket values go through <see cref="LogBucketSketch.WholeNumberOf"/>: a
    /// count of days below 256 is reported exactly, not as 1.0039 for 1 (the expected shortfalls stay bucket values).
    /// </remarks>
    internal static (SummaryStatistics Statistics, Histogram Histogram) SummarizeSketch(
        string metric, LogBucketSketch sketch, double mean, bool worstIsLargest, bool wholeNumbers = false, double tail95 = 0.05, double tail99 = 0.01)
    {
        long n = sketch.Count;
        if (n == 0) throw new ArgumentException("no paths to summarize", nameof(sketch));
        var q = new double[QuantileLevels.Count];
        Func<double, double> report = wholeNumbers ? LogBucketSketch.WholeNumberOf : x => x;
        for (int l = 0; l < q.Length; l++) q[l] = report(sketch.Quantile(QuantileLevels.Values[l]));
        double es95 = sketch.TailMean(TailCount(n, tail95), worstIsLargest), es99 = sketch.TailMean(TailCount(n, tail99), worstIsLargest);

        var (edges, lo, hi) = HistogramEdges(sketch.Min, sketch.Max);
        var counts = new long[HistogramBins];
        foreach (var (value, count) in sketch.ValuedBuckets()) counts[BinOf(report(value), lo, hi)] += count;
        return (new SummaryStatistics(metric, q, mean, es95, es99), new Histogram(metric, edges, counts));
    }

    /// <summary>The ceil(tail N) worst values of MODEL.md section 5 (less 1e-9: rounding in tail N must not add a path); 0 only for a tail too thin to hold one.</summary>
    private static int TailCount(int n, double tail) => (int)TailCount((long)n, tail);

    private static long TailCount(long n, double tail) => (long)Math.Min(n, Math.Ceiling((tail * n) - 1e-9));

    /// <summary>Ascending rank of the k-th worst value (of the worst one when k = 0, which is not used).</summary>
    private static int BoundaryRank(int n, int k, bool worstIsLargest) => worstIsLargest ? n - Math.Max(k, 1) : Math.Max(k, 1) - 1;

    /// <summary>Mean of the k worst values: the m strictly worse than the k-th worst t, which sum to <paramref name="beyond"/>, and k - m copies of t.</summary>
    private static double TailMean(double beyond, int m, double t, int k) => k == 0 ? double.NaN : (beyond + ((k - m) * t)) / k;

    /// <summary>Order statistics of read-only values: by radix selection, or on a small copy by Hoare selection.</summary>
    private static void OrderStatistics(ReadOnlySpan<double> values, ReadOnlySpan<int> ranks, Span<double> order)
    {
        if (values.Length >= RadixSelect.MinLength)
        {
            RadixSelect.Ranks(values, ranks, order);
            return;
        }

        // Each selection leaves a permutation of the values, so the next one is exact too.
        var copy = values.ToArray();
        for (int j = 0; j < ranks.Length; j++)
        {
            NumpyQuantile.Select(copy, ranks[j]);
            order[j] = copy[ranks[j]];
        }
    }

    /// <summary>Bins over [<paramref name="lo"/>, <paramref name="hi"/>], the values' minimum and maximum; counts do not depend on the values' order.</summary>
    private static Histogram BuildHistogram(string metric, ReadOnlySpan<double> values, double lo, double hi)
    {
        (var edges, lo, hi) = HistogramEdges(lo, hi);
        var counts = new long[HistogramBins];
        foreach (double x in values) counts[BinOf(x, lo, hi)]++;
        return new Histogram(metric, edges, counts);
    }

    /// <summary>Edges of the bins over [<paramref name="lo"/>, <paramref name="hi"/>], widened a little when the range is a point.</summary>
    private static (double[] Edges, double Lo, double Hi) HistogramEdges(double lo, double hi)
    {
        if (hi <= lo) hi = lo + Math.Max(1e-9, Math.Abs(lo) * 1e-9);
        var edges = new double[HistogramBins + 1];
        for (int i = 0; i <= HistogramBins; i++) edges[i] = lo + (hi - lo) * i / HistogramBins;
        return (edges, lo, hi);
    }

    /// <summary>The bin of <paramref name="x"/>; the last bin includes its upper edge.</summary>
    private static int BinOf(double x, double lo, double hi) => Math.Clamp((int)((x - lo) / (hi - lo) * HistogramBins), 0, HistogramBins - 1);
}
