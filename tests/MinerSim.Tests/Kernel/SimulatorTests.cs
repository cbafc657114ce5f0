using MinerSim.Aggregation;
using MinerSim.Kernel;
using MinerSim.Simulation;

namespace MinerSim.Tests.Kernel;

public sealed class SimulatorTests
{
    private static RunResult Run(int threads, QuantileMethod method, long paths = 2500, int days = 60)
    {
        var model = new CompiledScenario(TestScenarios.Load("reference"), days);
        return Simulator.Run(model, new RunSettings { Paths = paths, Seed = 7, Threads = threads, Quantiles = method }, "hash");
    }

    [TestCase(QuantileMethod.Exact)]
    [TestCase(QuantileMethod.Sketch)]
    public void Run_IsIdentical_ForAnyThreadCount(QuantileMethod method)
    {
        Assert.That(BlockKernel.BlockSize, Is.LessThan(2500 / 2), "the run must span several blocks");
        var one = Run(1, method);
        var two = Run(2, method);
        var five = Run(5, method);
        foreach (var other in new[] { two, five })
        {
            for (int m = 0; m < one.Daily.Count; m++)
            {
                for (int d = 0; d < one.Daily[m].Days; d++)
                {
                    Assert.That(other.Daily[m].QuantilesOf(d).ToArray(), Is.EqualTo(one.Daily[m].QuantilesOf(d).ToArray()));
                    Assert.That(other.Daily[m].Mean(d), Is.EqualTo(one.Daily[m].Mean(d)));
                }
            }

            Assert.That(other.Summaries, Is.EqualTo(one.Summaries).Using<SummaryStatistics>((a, b) =>
                a.Metric == b.Metric && a.Quantiles.SequenceEqual(b.Quantiles) && a.Mean.Equals(b.Mean) && a.Es95.Equals(b.Es95) && a.Es99.Equals(b.Es99)));
        }
    }

    [Test]
    public void Sketch_AgreesWithExact_WithinStatedAccuracy()
    {
        var exact = Run(2, QuantileMethod.Exact, 4000);
        var sketch = Run(2, QuantileMethod.Sketch, 4000);
        // The sketch reports the order statistic of rank floor(q (n-1)) within 1/257; exact interpolates
        // to the next one, so allow the sketch's accuracy plus the gap between neighbours.
        foreach (string metric in new[] { "price", "miner_sales", "hashrate", "miner_inventory" })
        {
            var e = exact.Bands(metric)!;
            var s = sketch.Bands(metric)!;
            for (int d = 0; d < e.Days; d += 7)
            {
                for (int l = 1; l < QuantileLevels.Count - 1; l++)
                {
                    double x = e.Quantile(d, l);
                    Assert.That(s.Quantile(d, l), Is.EqualTo(x).Within(0.01 * Math.Abs(x) + 1e-9), $"{metric} day {d} level {l}");
                }

                Assert.That(s.Mean(d), Is.EqualTo(e.Mean(d)), "means do not depend on the quantile method");
            }
        }

        // Summaries: exact means in both modes; quantiles as the daily ones; shortfalls within the sketch's
        // accuracy of the mean magnitude of the tail (bounded here by that of the worst value, or 1 for the shares).
        foreach (var e in exact.Summaries)
        {
            var s = sketch.Summaries.Single(x => x.Metric == e.Metric);
            Assert.That(s.Mean, Is.EqualTo(e.Mean), $"{e.Metric}: means do not depend on the quantile method");
            double scale = Math.Max(Math.Abs(e.Quantiles[0]), Math.Abs(e.Quantiles[^1]));
            Assert.That(s.Es95, Is.EqualTo(e.Es95).Within(LogBucketSketch.RelativeAccuracy * scale * 1.5), $"{e.Metric} es95");
            Assert.That(s.Es99, Is.EqualTo(e.Es99).Within(LogBucketSketch.RelativeAccuracy * scale * 1.5), $"{e.Metric} es99");
            if (e.Metric is "total_sold" or "max_sales_30d" or "min_hashrate_ratio")
            {
                for (int l = 1; l < QuantileLevels.Count - 1; l++)
                {
                    Assert.That(s.Quantiles[l], Is.EqualTo(e.Quantiles[l]).Within(0.01 * Math.Abs(e.Quantiles[l]) + 1e-9), $"{e.Metric} level {l}");
                }
            }
        }
    }
}
