using MinerSim.Kernel;
using MinerSim.Metrics;
using MinerSim.Prices;
using MinerSim.Questions;
using MinerSim.Scenarios;

namespace MinerSim.Tests.Backtests;

/// <summary>
/// The calibrated model forward from late 2025 (issue 11's plausibility bar): under history's own price shocks the
/// network must not halve on more than 5 % of paths, the 2028 halving must not cost the median path more than 30 %
/// of its hashrate, and no more than 1 % of paths may cycle on and off (a fall below half, then a doubling within
/// 30 days). The figures are printed.
/// </summary>
[Category("Statistical")]
public sealed class ForwardPlausibilityTests
{
    private const long Paths = 10_000;

    /// <summary>Each path's daily network hashrate, [path * days + day].</summary>
    internal static double[] Hashrates(CompiledScenario m, long paths)
    {
        var h = new double[paths * m.Days];
        BlockSweep.Run(m, 1, paths, Environment.ProcessorCount, () => new Sink(h, m.Days));
        return h;
    }

    /// <summary>Whether the series falls below half its start and then doubles from such a low within 30 days.</summary>
    internal static bool Cycles(ReadOnlySpan<double> h)
    {
        for (int t = 0; t < h.Length; t++)
        {
            if (!(h[t] < 0.5 * h[0])) continue;
            for (int u = t + 1; u <= Math.Min(h.Length - 1, t + 30); u++)
            {
                if (h[u] >= 2 * h[t]) return true;
            }
        }

        return false;
    }

    [Test]
    public void CycleDetector_FindsAnOnOffCycle_AndNotASlowDecline()
    {
        double[] cycle = [1000, 900, 400, 300, 700, 1000];
        double[] decline = [.. Enumerable.Range(0, 200).Select(t => 1000 * Math.Exp(-0.01 * t))];
        Assert.That(Cycles(cycle), Is.True);
        Assert.That(Cycles(decline), Is.False);
    }

    [Test]
    public void HistoryShocks_RarelyHalveTheNetwork()
    {
        var baseline = TestScenarios.Load("baseline");
        var history = TestScenarios.Load("bootstrap-history");
        var returns = HistoricalPrices.ParseLogReturns(File.ReadAllText(Path.Combine(TestScenarios.RepoRoot, "samples", "data", "btc-usd-daily.csv")), "btc-usd-daily.csv");
        var m = new CompiledScenario(baseline with { Price = history.Price with { P0 = baseline.Price.P0 } }, baseline.Days, returns);
        var h = Hashrates(m, Paths);
        int halved = 0, cycles = 0;
        for (long p = 0; p < Paths; p++)
        {
            var path = h.AsSpan((int)(p * m.Days), m.Days);
            double min = double.PositiveInfinity;
            foreach (double x in path) min = Math.Min(min, x);
            if (min / m.Hd0 < 0.5) halved++;
            if (Cycles(path)) cycles++;
        }

        double pHalved = (double)halved / Paths, pCycles = (double)cycles / Paths;
        TestContext.Out.WriteLine($"baseline with bootstrap-history prices, {Paths:N0} paths: P(min_hashrate_ratio < 0.5) = {pHalved:P2}, on/off cycles on {pCycles:P2} of paths");
        Assert.That(pHalved, Is.LessThanOrEqualTo(0.05));
        Assert.That(pCycles, Is.LessThanOrEqualTo(0.01));
    }

    [Test]
    public void Halving2028_CostsTheMedianPathLessThanThirtyPercent_WithoutCycling()
    {
        var baseline = TestScenarios.Load("baseline");
        var halving = TestScenarios.Load("halving-2028");
        double grow = halving.Network.Hd0 / baseline.Network.Hd0;
        var s = baseline with
        {
            StartDate = halving.StartDate,
            Days = halving.Days,
            Price = halving.Price,
            Network = halving.Network,
            Cohorts = [.. baseline.Cohorts.Select(c => c with { K0 = c.K0 * grow })],
        };
        var m = new CompiledScenario(s, s.Days);
        var h = Hashrates(m, Paths);
        var median = new double[m.Days];
        var column = new double[Paths];
        for (int t = 0; t < m.Days; t++)
        {
            for (long p = 0; p < Paths; p++) column[p] = h[p * m.Days + t];
            Array.Sort(column);
            median[t] = MinerSim.Aggregation.NumpyQuantile.OfSorted(column, 0.5);
        }

        // Height 1,050,000 from 978,000 at about 144 blocks a day: day 500.
        int day = (int)((1_050_000 - halving.Network.Height0) / 144);
        double before = median.Skip(day - 30).Take(30).Max();
        double after = median.Skip(day).Min();
        int cycles = 0;
        for (long p = 0; p < Paths; p++) cycles += Cycles(h.AsSpan((int)(p * m.Days), m.Days)) ? 1 : 0;
        TestContext.Out.WriteLine($"halving-2028 on the calibrated model, {Paths:N0} paths: median hashrate {before:N0} EH/s in the 30 days before day {day}, lowest after {after:N0} ({after / before - 1:P1}); on/off cycles on {(double)cycles / Paths:P2} of paths");
        Assert.That(after / before, Is.GreaterThanOrEqualTo(0.7));
        Assert.That(Cycles(median), Is.False);
        Assert.That((double)cycles / Paths, Is.LessThanOrEqualTo(0.01));
    }

    private sealed class Sink(double[] h, int days) : IPathBlockSink
    {
        private long _first;

        public void Begin(long firstPath, int count) => _first = firstPath;

        public void AcceptDay(int day, ReadOnlySpan<double> values, int count)
        {
            var row = values.Slice((int)DailyMetric.Hashrate * BlockKernel.BlockSize, count);
            for (int i = 0; i < count; i++) h[(_first + i) * days + day] = row[i];
        }

        public void AcceptSummaries(ReadOnlySpan<double> values, int count)
        {
        }
    }
}
