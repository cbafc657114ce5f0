using MinerSim.Aggregation;
using MinerSim.Kernel;
using MinerSim.Metrics;
using MinerSim.Network;
using MinerSim.Questions;
using MinerSim.Scenarios;
using MinerSim.Simulation;

namespace MinerSim.Backtests;

/// <summary>
/// Replays history (MODEL.md section 10): a scenario is placed on the real chain at an origin date, its paths
/// follow the real daily closes, and the difficulty they produce is set against every real retarget that follows.
/// </summary>
public static class Backtest
{
    /// <summary>
    /// The scenario <paramref name="template"/> placed on the real chain on <paramref name="from"/> for
    /// <paramref name="days"/> days (MODEL.md section 10.2): start date, difficulty and height from the chain,
    /// the replay price model, every cohort's capacity scaled by the ratio of the real difficulty-implied
    /// hashrate to the template's HD0, and, with a frontier, every tier's J/TH by the ratio of the frontier on
    /// the origin to the frontier on the template's start date.
    /// </summary>
    /// <exception cref="ArgumentException">A frontier is given but the template has no start date.</exception>
    public static Scenario AtOrigin(Scenario template, BacktestData data, DateOnly from, int days)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(data);
        var chain = data.Chain.At(from);
        double efficiency = EfficiencyScale(template, data, from);
        double price = data.Prices.On(from);
        var cohorts = template.Cohorts.Select(c => c with { Tiers = [.. c.Tiers.Select(t => t with { Efficiency = t.Efficiency * efficiency })] }).ToArray();

        // Capacity: the fleet that, at the origin's hashprice and each cohort's median power price, runs the hashrate of the
        // last epoch that ended before the origin (what an observer then knows), with that epoch's outages taken out again:
        // step 5 applies the events in force from day 0 on.
        double hp = Hashprice(chain, template.Fees.Median, price);
        var events = (data.Events ?? []).Where(e => e.Touches(from, from.AddDays(days - 1))).ToArray();
        double online = MeanOnline(data.Events ?? [], DateOnly.FromDateTime(chain.HashrateFrom.UtcDateTime), DateOnly.FromDateTime(chain.HashrateTo.UtcDateTime));
        double running = cohorts.Sum(c => c.K0 * RunningShare(c, hp, template.Fleet?.MustRun ?? 0)) * online;
        if (!(running > 1e-12 * cohorts.Sum(c => c.K0)))
        {
            throw new ArgumentException($"scenario '{template.Name}': at the hashprice of {from:yyyy-MM-dd} ({hp / 1000:G4} USD per PH/s a day) none of its machines runs, so no fleet can be sized to the real hashrate", nameof(template));
        }

        double scale = chain.Hashrate / running;
        return template with
        {
            Name = $"{template.Name}@{from:yyyy-MM-dd}",
            StartDate = from,
            Days = days,
            Price = template.Price with { Model = "replay", P0 = price, Replay = new ReplaySpec { File = "(backtest)" }, Gamma = 0 },
            Network = template.Network with
            {
                Hd0 = chain.ImpliedHashrate, Height0 = chain.Height, EpochDays0 = chain.EpochDays, DifficultyAdjustment = true,
                // The hash ribbon starts from the real hashrate of the 59 days before the origin, as known on each day.
                HashrateHistory = [.. Enumerable.Range(1, 59).Reverse().Select(k => data.Chain.At(from.AddDays(-k)).Hashrate)],
            },
            Cohorts = [.. cohorts.Select(c => c with { K0 = c.K0 * scale })],
            Fleet = template.Fleet is { } fleet ? SpinUp(template, fleet, data, from) : null,
            // The real shocks that touch the window (10.2), in place of the template's own what-if events.
            Events = events,
        };
    }

    /// <summary>Mean over the whole days from <paramref name="first"/> to the day before <paramref name="end"/> (at least one) of MODEL.md 11.5's online share.</summary>
    public static double MeanOnline(IReadOnlyList<EventSpec> events, DateOnly first, DateOnly end)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) return 1.0;
        int n = Math.Max(1, end.DayNumber - first.DayNumber);
        double sum = 0;
        for (int k = 0; k < n; k++) sum += EventSpec.OnlineOn(events, first.AddDays(k));
        return sum / n;
    }

    /// <summary>Share of cohort <paramref name="c"/>'s capacity that runs at hashprice <paramref name="hp"/> at its median power price (step 5, 11.6).</summary>
    public static double RunningShare(CohortSpec c, double hp, double mustRun = 0)
    {
        ArgumentNullException.ThrowIfNull(c);
        return mustRun + (1.0 - mustRun) * c.Tiers.Sum(t =>
        {
            double u = 24_000.0 * t.Efficiency * c.PMedian;
            return t.Weight * (c.PSpread > 0 ? MathNet.Numerics.Distributions.Normal.CDF(0, 1, Math.Log(hp / u) / c.PSpread) : hp >= u ? 1.0 : 0.0);
        });
    }

    /// <summary>
    /// The fleet block at the origin (MODEL.md 11.4): eN moved with the frontier, and the delivery pipeline
    /// filled by the orders the real history before the origin would have placed.
    /// </summary>
    private static FleetSpec SpinUp(Scenario template, FleetSpec fleet, BacktestData data, DateOnly from)
    {
        double EfficiencyAt(DateOnly d) => fleet.NewEfficiency * EfficiencyScale(template, data, d);
        var start = from.AddDays(-(int)Math.Ceiling(3 * fleet.DeliveryDays));
        if (start < data.First) start = data.First;
        double k = 2.0 / fleet.DeliveryDays, ordered = 0, shipping = 0;
        for (var d = start; d < from; d = d.AddDays(1))
        {
            var chain = data.Chain.At(d);
            double hp = Hashprice(chain, template.Fees.Median, data.Prices.On(d));
            var day = new CompiledFleet(fleet with { NewEfficiency = EfficiencyAt(d) }, template.Cohorts);
            double orders = day.Orders(1.0, hp, chain.ImpliedHashrate);
            double delivered = k * shipping, moved = k * ordered;
            shipping += moved - delivered;
            ordered += orders - moved;
        }

        return fleet with { NewEfficiency = EfficiencyAt(from), Ordered0 = ordered, Shipping0 = shipping };
    }

    /// <summary>Step 4's hashprice on the real chain, USD per EH/s a day, with the scenario's median fee: <c>144 (subsidy + fee) P / HD</c>.</summary>
    private static double Hashprice(ChainState chain, double fee, double price) => 144.0 * (Subsidy.AtHeight(chain.Height) + fee) * price / chain.ImpliedHashrate;

    /// <summary>Frontier on the origin over frontier on the template's start date (1 without a frontier).</summary>
    public static double EfficiencyScale(Scenario template, BacktestData data, DateOnly from)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Frontier is not { } frontier) return 1.0;
        var at = template.StartDate ?? throw new ArgumentException($"scenario '{template.Name}' has no startDate: its fleet's efficiencies cannot be set against the frontier", nameof(template));
        var first = frontier.Steps[0].Date;
        return frontier.At(from < first ? first : from) / frontier.At(at < first ? first : at);
    }

    /// <summary>Backtests <paramref name="template"/> from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="template">A validated scenario: its miners, fees and market; its price model and start state are replaced.</param>
    /// <param name="data">The real history.</param>
    /// <param name="from">Origin.</param>
    /// <param name="to">Last day (inclusive).</param>
    /// <param name="paths">Paths, at least 1.</param>
    /// <param name="seed">Seed.</param>
    /// <param name="threads">Worker threads (results do not depend on it).</param>
    /// <param name="progress">Told of every finished block, if given.</param>
    /// <param name="cancellation">Stops between blocks.</param>
    /// <exception cref="ArgumentOutOfRangeException">The window is not inside the data (<see cref="BacktestData.Refuses"/>).</exception>
    public static BacktestResult Run(
        Scenario template, BacktestData data, DateOnly from, DateOnly to, long paths, ulong seed, int threads,
        PathProgress? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Refuses(from, to) is { } why) throw new ArgumentOutOfRangeException(nameof(from), why);
        int days = to.DayNumber - from.DayNumber + 1;
        var scenario = AtOrigin(template, data, from, days);
        var model = new CompiledScenario(scenario, days, replayCloses: data.Prices.Window(from, days));

        var retargets = data.Chain.Between(from, to).ToArray();
        var dayOf = retargets.Select(r => r.Date.DayNumber - from.DayNumber).ToArray();
        var hd = new double[retargets.Length][];
        for (int j = 0; j < hd.Length; j++) hd[j] = new double[paths];
        BlockSweep.Run(model, seed, paths, threads, () => new Sink(dayOf, hd), progress, cancellation);

        double d0 = Difficulty.OfImpliedHashrate(scenario.Network.Hd0), p0 = model.P0, s0 = Subsidy.AtHeight(scenario.Network.Height0);
        var rows = new BacktestRow[retargets.Length];
        for (int j = 0; j < rows.Length; j++)
        {
            var column = hd[j];
            Array.Sort(column);
            double Quantile(double q) => Difficulty.OfImpliedHashrate(NumpyQuantile.OfSorted(column, q));
            var r = retargets[j];
            // Baseline 2 keeps hp = 144 R P / HD constant: HD moves with the real close and the subsidy at the height
            // the origin's 144 blocks a day would reach (fees held as at the origin, i.e. left out).
            double subsidy = Subsidy.AtHeight(scenario.Network.Height0 + 144.0 * dayOf[j]);
            double constantHashprice = d0 * data.Prices.On(r.Date) / p0 * subsidy / s0;
            rows[j] = new BacktestRow(r.Height, r.Date, r.Difficulty, Quantile(0.05), Quantile(0.50), Quantile(0.95), d0, constantHashprice);
        }

        return new BacktestResult(from, to, scenario, paths, rows);
    }

    /// <summary>Keeps each path's difficulty-implied hashrate at the end of the days of the real retargets.</summary>
    private sealed class Sink(int[] dayOf, double[][] hd) : IPathBlockSink
    {
        private long _first;

        public void Begin(long firstPath, int count) => _first = firstPath;

        public void AcceptDay(int day, ReadOnlySpan<double> values, int count)
        {
            var row = values.Slice((int)DailyMetric.DifficultyHashrate * BlockKernel.BlockSize, count);
            for (int j = 0; j < dayOf.Length; j++)
            {
                if (dayOf[j] == day) row.CopyTo(hd[j].AsSpan((int)_first, count));
            }
        }

        public void AcceptSummaries(ReadOnlySpan<double> values, int count)
        {
        }
    }
}
