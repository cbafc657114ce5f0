using MinerSim.Aggregation;
using MinerSim.Metrics;

namespace MinerSim.Tests.Fixtures;

/// <summary>
/// A made-up <see cref="RunResult"/> with smooth bands, for output and chart tests only: the
/// numbers mean nothing, but they exercise every metric and awkward doubles (thirds, tiny values).
/// </summary>
internal static class SyntheticRun
{
    public const string ScenarioJson = """
        {
          // test scenario
          "name": "synthetic-test",
          "days": 60,
          "price": { "p0": 90000, "sigma": 0.5 },
          "cohorts": [ { "name": "a", "k0": 100 } ],
        }
        """;

    public static RunResult Create(int days = 60, DateOnly? startDate = null, string scenario = "synthetic-test", IEnumerable<string>? dailyMetrics = null)
    {
        var info = new RunInfo
        {
            Scenario = scenario,
            ScenarioHash = new string('a', 64),
            Seed = 42,
            Paths = 10_000,
            Days = days,
            QuantileMethod = "exact",
            EngineVersion = "0.1.0",
            StartDate = startDate,
            WallSeconds = 1.0 / 3,
            PathDaysPerSecond = 1.8e6 + 0.1,
            Threads = 2,
        };

        var daily = new List<DailyBands>();
        int k = 0;
        foreach (string metric in dailyMetrics ?? MetricCatalog.DailyMetricNames)
        {
            var bands = new DailyBands(metric, days);
            double level = 10 + 7 * k++;
            for (int d = 0; d < days; d++)
            {
                double centre = metric == "ribbon_inverted" ? 0 : level * (1 + 0.3 * Math.Sin(d / 9.0));
                double spread = metric == "ribbon_inverted" ? 0 : level * (0.05 + 0.01 * d / 3.0);
                var q = bands.QuantilesOf(d);
                double[] z = [-2.326, -1.645, -0.674, 0, 0.674, 1.645, 2.326];
                for (int i = 0; i < q.Length; i++)
                {
                    q[i] = metric == "ribbon_inverted" ? (i >= 5 && d > 20 ? 1 : 0) : centre + spread * z[i];
                }

                bands.SetMean(d, metric == "ribbon_inverted" ? Math.Min(0.5, d / 100.0) : centre + spread / 7);
            }

            daily.Add(bands);
        }

        var summaries = new List<SummaryStatistics>();
        var histograms = new List<Histogram>();
        int s = 0;
        foreach (string metric in MetricCatalog.SummaryMetricNames)
        {
            double scale = Math.Pow(10, s++ - 1) / 3;
            double[] q = [1 * scale, 2 * scale, 4 * scale, 5 * scale, 6 * scale, 8 * scale, 9 * scale];
            summaries.Add(new SummaryStatistics(metric, q, 5.1 * scale, 8.7 * scale, 9.4 * scale));
            double[] edges = Enumerable.Range(0, 21).Select(i => i * 0.5 * scale).ToArray();
            long[] counts = Enumerable.Range(0, 20).Select(i => (long)(1000 * Math.Exp(-Math.Pow((i - 10) / 4.0, 2)))).ToArray();
            histograms.Add(new Histogram(metric, edges, counts));
        }

        return new RunResult(info, daily, summaries, histograms);
    }
}
