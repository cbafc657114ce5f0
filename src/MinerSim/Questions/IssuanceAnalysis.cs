using MinerSim.Aggregation;
using MinerSim.Kernel;
using MinerSim.Metrics;
using MinerSim.Network;

namespace MinerSim.Questions;

/// <summary>
/// Daily issuance across paths, to see a halving: a day's production is recovered from the
/// metrics the kernel records, Q_t = I_t - I_{t-1} + S_t (inventory and sales, MODEL.md step 9),
/// and the path's height from its blocks B_t = 144 H_t / HD_{t-1} (difficulty at the start of the day).
/// </summary>
public static class IssuanceAnalysis
{
    /// <summary>Runs <paramref name="paths"/> paths and returns the daily bands.</summary>
    public static IssuanceBands Run(CompiledScenario model, ulong seed, long paths, int threads, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        int days = model.Days;
        var production = new double[days * paths];
        var halvingDay = new int[paths];
        BlockSweep.Run(model, seed, paths, threads, () => new Sink(model, production, halvingDay, paths), cancellation: cancellation);

        var p5 = new double[days];
        var p50 = new double[days];
        var p95 = new double[days];
        var mean = new double[days];
        var column = new double[paths];
        for (int t = 0; t < days; t++)
        {
            production.AsSpan(t * (int)paths, (int)paths).CopyTo(column);
            mean[t] = column.Average();
            Array.Sort(column);
            p5[t] = NumpyQuantile.OfSorted(column, 0.05);
            p50[t] = NumpyQuantile.OfSorted(column, 0.50);
            p95[t] = NumpyQuantile.OfSorted(column, 0.95);
        }

        Array.Sort(halvingDay);
        int median = halvingDay[(paths - 1) / 2];
        return new IssuanceBands(p5, p50, p95, mean, median == int.MaxValue ? null : median);
    }

    private sealed class Sink(CompiledScenario m, double[] production, int[] halvingDay, long paths) : IPathBlockSink
    {
        private const int B = BlockKernel.BlockSize;
        private readonly double[] _inventory = new double[B], _hd = new double[B], _height = new double[B];
        private readonly double _subsidy0 = Subsidy.AtHeight(m.Height0);
        private long _first;

        public void Begin(long firstPath, int count)
        {
            _first = firstPath;
            Array.Fill(_inventory, m.InitialInventory);
            Array.Fill(_hd, m.Hd0);
            Array.Fill(_height, m.Height0);
            halvingDay.AsSpan((int)firstPath, count).Fill(int.MaxValue);
        }

        public void AcceptDay(int day, ReadOnlySpan<double> values, int count)
        {
            var inventory = values.Slice((int)DailyMetric.MinerInventory * B, count);
            var sales = values.Slice((int)DailyMetric.MinerSales * B, count);
            var hashrate = values.Slice((int)DailyMetric.Hashrate * B, count);
            var hd = values.Slice((int)DailyMetric.DifficultyHashrate * B, count);
            var row = production.AsSpan(day * (int)paths + (int)_first, count);
            for (int i = 0; i < count; i++)
            {
                row[i] = inventory[i] - _inventory[i] + sales[i];
                if (halvingDay[_first + i] == int.MaxValue && Subsidy.AtHeight(_height[i]) < _subsidy0)
                {
                    halvingDay[_first + i] = day;
                }

                _height[i] += 144.0 * hashrate[i] / _hd[i];
                _inventory[i] = inventory[i];
                _hd[i] = hd[i];
            }
        }

        public void AcceptSummaries(ReadOnlySpan<double> values, int count)
        {
        }
    }
}
