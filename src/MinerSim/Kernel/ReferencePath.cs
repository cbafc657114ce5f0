using MathNet.Numerics;
using MinerSim.Metrics;
using MinerSim.Network;
using MinerSim.Random;

namespace MinerSim.Kernel;

/// <summary>
/// MODEL.md for one path, written as plainly as the specification reads: scalar, one day at a
/// time, cohort by cohort, with MathNet's erfc for the normal CDF. It is the yardstick the
/// vectorized <see cref="BlockKernel"/> is tested against path by path; it is not fast.
/// </summary>
public static class ReferencePath
{
    /// <summary>Simulates path <paramref name="path"/> of seed <paramref name="seed"/>.</summary>
    public static PathRecord Simulate(CompiledScenario m, ulong seed, long path)
    {
        var rng = new PathStream(seed, path);
        int nc = m.Cohorts.Count;
        var rec = new PathRecord(m.Days);

        // Section 3: per-path behaviour draws, then the stationary ETF start (section 2).
        var powerPrice = new double[nc];
        var phiCalm = new double[nc];
        for (int c = 0; c < nc; c++)
        {
            var k = m.Cohorts[c];
            powerPrice[c] = k.PMedian * Math.Exp(k.PSigma * Gaussian.NextPair(ref rng).Z0);
            phiCalm[c] = k.PhiCalmLo + k.PhiCalmWidth * rng.NextOpen();
        }

        double eprev = m.MuE + m.SigmaE * Gaussian.NextPair(ref rng).Z0;
        bool bull = m.Model == PriceModelKind.Regime && rng.NextOpen() < m.PStartBull;
        var fleet = m.Fleet;
        double mustRun = fleet?.MustRun ?? 0.0;
        double intensity = fleet is null ? 0.0 : Math.Exp(fleet.ReinvestSigma * Gaussian.NextPair(ref rng).Z0);
        double capacityStep = fleet is null ? 1.0 : Math.Exp(fleet.CapacitySigma * Gaussian.NextPair(ref rng).Z0 / fleet.CapacityDays);

        // Section 2: initial state.
        double price = m.P0, hd = m.Hd0, height = m.Height0;
        double epochBlocks = m.Height0 % 2016.0;
        double epochDays = m.EpochDays0;
        var capacity = m.Cohorts.Select(k => k.K0).ToArray();
        var inventory = m.Cohorts.Select(k => k.I0).ToArray();
        var liquidated = new double[nc];
        var newCapacity = new double[nc];
        var onOld = new double[nc];
        var onNew = new double[nc];
        double ordered = fleet?.Ordered0 ?? 0.0, shipping = fleet?.Shipping0 ?? 0.0;
        double otcQueue = 0, vprev = 0;
        int bootStart = 0;

        var hRing = new double[60];
        var sRing = new double[30];
        double h30 = 0, h60 = 0, s30 = 0;
        double totalSold = 0, maxSales30 = double.NegativeInfinity, minH = double.PositiveInfinity, daysBelow = 0;

        var active = new double[nc];
        var powerCost = new double[nc];
        var production = new double[nc];
        var sales = new double[nc];

        for (int t = 0; t < m.Days; t++)
        {
            // Draws of the day, in the kernel's fixed order.
            var (zp, zf) = Gaussian.NextPair(ref rng);
            var (zetf, zj) = Gaussian.NextPair(ref rng);
            double uj = rng.NextOpen();
            double um = m.DrawsModelUniform ? rng.NextOpen() : 0;

            // 1. Price.
            if (t > 0)
            {
                double jump = uj < m.JumpProbability ? m.MuJ + m.SigmaJ * zj : 0.0;
                double r;
                switch (m.Model)
                {
                    case PriceModelKind.Regime:
                        bull = bull ? um >= m.PBullToBear : um < m.PBearToBull;
                        r = (bull ? m.BullDrift : m.BearDrift) + (bull ? m.BullVol : m.BearVol) * zp + jump;
                        break;
                    case PriceModelKind.Bootstrap:
                        int offset = (t - 1) % m.BlockDays;
                        if (offset == 0)
                        {
                            bootStart = (int)(um * (m.HistoricalReturns.Length - m.BlockDays + 1));
                        }

                        r = m.HistoricalReturns[bootStart + offset];
                        break;
                    case PriceModelKind.Replay:
                        r = 0; // unused: the price is the day's real close
                        break;
                    default:
                        r = m.Drift + m.DailyVol * zp + jump;
                        break;
                }

                price = m.Model == PriceModelKind.Replay ? m.ReplayCloses[t] : price * Math.Exp(r - m.ImpactPerBtc * vprev);
            }

            // 2-4. Fees, reward, hashprice (USD per EH/s per day).
            double fee = m.FeeMedian * Math.Exp(m.FeeSigma * zf);
            double reward = Subsidy.AtHeight(height) + fee;
            double hashprice = 144.0 * reward * price / hd;

            // 5. Machines on or off.
            double network = 0, installed = 0;
            for (int c = 0; c < nc; c++)
            {
                var k = m.Cohorts[c];
                double on = 0, pw = 0;
                for (int j = 0; j < k.Weights.Count; j++)
                {
                    var (tierOn, tierPw) = Running(hashprice, k.CostPerPowerPrice[j] * powerPrice[c], k, mustRun);
                    on += k.Weights[j] * tierOn;
                    pw += k.Weights[j] * tierPw;
                }

                active[c] = capacity[c] * on;
                powerCost[c] = capacity[c] * pw;
                onOld[c] = on;
                if (fleet is not null)
                {
                    // 11.2: the new vintage, by the same rule at eN.
                    (onNew[c], double newPw) = Running(hashprice, fleet.NewCostPerPowerPrice * powerPrice[c], k, mustRun);
                    active[c] += newCapacity[c] * onNew[c];
                    powerCost[c] += newCapacity[c] * newPw;
                }

                if (m.Online.Length > 0)
                {
                    // 11.5: events force a share of the running machines off (they draw no power).
                    active[c] *= m.Online[t];
                    powerCost[c] *= m.Online[t];
                }

                network += active[c];
                installed += capacity[c] + newCapacity[c];
            }

            double activeShare = installed > 0 ? network / installed : 0.0;

            // 6. Blocks and production.
            double blocks = 144.0 * network / hd;
            double productionAll = 0, costAll = 0, sold = 0;
            for (int c = 0; c < nc; c++)
            {
                var k = m.Cohorts[c];
                production[c] = 144.0 * reward * active[c] / hd;

                // 7. The three AISC layers, net of HPC revenue.
                double c1 = powerCost[c] + k.Opex * (capacity[c] + newCapacity[c]);
                double c2 = k.Capex * (capacity[c] + newCapacity[c]);
                double c3 = k.Financing;
                double net = c1 + c2 + c3 - k.Hpc;
                double rho = net <= 0 ? double.PositiveInfinity : price * production[c] / net;
                productionAll += production[c];
                costAll += net;

                // 8. Behaviour regime and the stress-episode cap.
                double phi, inventoryRate = 0;
                if (rho >= k.RhoCalm)
                {
                    phi = phiCalm[c];
                }
                else if (rho >= 1.0)
                {
                    phi = k.PhiNear;
                }
                else
                {
                    phi = 1.0;
                    inventoryRate = rho >= k.RhoSevere
                        ? Math.Min(k.StressRate, Math.Max(0.0, k.StressCap - liquidated[c]))
                        : Math.Min(k.SevereRate, Math.Max(0.0, k.SevereCap - liquidated[c]));
                }

                liquidated[c] = rho < 1.0 ? liquidated[c] + inventoryRate : 0.0;
                double planned = phi * production[c] + inventoryRate;

                // 9. Mandatory sales: cash obligations less HPC revenue and open funding.
                double funding = rho >= k.RhoCapital ? k.Funding : 0.0;
                double mandatory = Math.Max(0.0, c1 + c3 - k.Hpc - funding) / price;
                sales[c] = Math.Min(inventory[c] + production[c], Math.Max(planned, mandatory));
                inventory[c] = inventory[c] + production[c] - sales[c];
                sold += sales[c];

                // 10. Capacity (v1.1; section 11 replaces it below).
                if (fleet is not null)
                {
                    continue;
                }

                if (rho >= k.RhoCalm)
                {
                    capacity[c] *= k.GrowthFactor;
                }
                else if (rho < 1.0)
                {
                    capacity[c] *= k.DecayFactor;
                }
            }

            if (fleet is not null)
            {
                // 11.3: orders, the two-stage delivery delay, deliveries to the cohorts, retirement.
                double orders = fleet.Orders(intensity, hashprice, hd);
                double delivered = fleet.DeliveryRate * shipping, moved = fleet.DeliveryRate * ordered;
                shipping += moved - delivered;
                ordered += orders - moved;
                for (int c = 0; c < nc; c++)
                {
                    capacity[c] *= 1.0 - fleet.RetirePerDay * (1.0 - onOld[c]);
                    if (fleet.Drifts(t)) capacity[c] *= capacityStep;
                    newCapacity[c] = (newCapacity[c] + delivered * fleet.DeliveryShare[c]) * (1.0 - fleet.RetirePerDay * (1.0 - onNew[c]));
                }
            }

            // 11. Execution through OTC desks.
            if (t == 0)
            {
                otcQueue = m.Theta * sold * (m.OtcDays - 1.0);
            }

            otcQueue += m.Theta * sold;
            double release = otcQueue / m.OtcDays;
            otcQueue -= release;
            double visible = (1.0 - m.Theta) * sold + release;
            vprev = visible;

            // 12. ETF flows, correlated with the price shock.
            double ze = m.RhoEP * zp + m.RhoEPComplement * zetf;
            double etf = m.MuE + m.PhiE * (eprev - m.MuE) + m.EtfShockScale * ze;
            eprev = etf;

            // 13. Difficulty.
            if (m.Retargets)
            {
                epochBlocks += blocks;
                epochDays += 1.0;
                while (epochBlocks >= 2016.0)
                {
                    double need = 2016.0 - (epochBlocks - blocks);
                    double frac = need / blocks;
                    double span = (epochDays - 1.0 + frac) * 86400.0 * 2015.0 / 2016.0;
                    hd *= Retarget.Factor(span);
                    epochBlocks -= 2016.0;
                    epochDays = 1.0 - frac;
                }
            }

            // 14. Height.
            height += blocks;

            // 15. Record.
            double inv = 0;
            for (int c = 0; c < nc; c++) inv += inventory[c];

            if (t == 0 && m.HashrateHistory.Length > 0)
            {
                // Section 5: days -59 .. -1 from the given history (day 0's H before it), in ring slots 60 + d.
                Array.Fill(sRing, 0.0);
                var history = m.HashrateHistory;
                for (int d = -59; d <= -1; d++)
                {
                    int j = history.Length + d;
                    hRing[60 + d] = j >= 0 ? history[j] : network;
                }

                hRing[0] = network;
                h30 = network;
                for (int d = -1; d >= -29; d--) h30 += hRing[60 + d];
                h60 = h30;
                for (int d = -30; d >= -59; d--) h60 += hRing[60 + d];
            }
            else if (t == 0)
            {
                Array.Fill(hRing, network);
                Array.Fill(sRing, 0.0);
                h30 = 30.0 * network;
                h60 = 60.0 * network;
            }
            else
            {
                h30 += network - hRing[(t + 30) % 60];
                h60 += network - hRing[t % 60];
                hRing[t % 60] = network;
            }

            s30 += sold - sRing[t % 30];
            sRing[t % 30] = sold;
            if (t >= 29) maxSales30 = Math.Max(maxSales30, s30 / 30.0);

            rec[t, DailyMetric.Price] = price;
            rec[t, DailyMetric.Hashrate] = network;
            rec[t, DailyMetric.DifficultyHashrate] = hd;
            rec[t, DailyMetric.Hashprice] = hashprice / 1000.0;
            rec[t, DailyMetric.MinerSales] = sold;
            rec[t, DailyMetric.VisiblePressure] = visible;
            rec[t, DailyMetric.MinerInventory] = inv;
            rec[t, DailyMetric.EtfFlow] = etf;
            rec[t, DailyMetric.ActiveShare] = activeShare;
            rec[t, DailyMetric.RibbonInverted] = 2.0 * h30 < h60 ? 1.0 : 0.0;

            totalSold += sold;
            minH = Math.Min(minH, network / m.Hd0);
            if (price * productionAll < costAll) daysBelow += 1.0;

            if (t == m.Days - 1)
            {
                rec.Summaries[(int)SummaryMetric.InventoryDrawdown] = m.InitialInventory > 0 ? 1.0 - inv / m.InitialInventory : 0.0;
            }
        }

        rec.Summaries[(int)SummaryMetric.TotalSold] = totalSold;
        // With fewer than 30 days there is no full window: the mean over the whole horizon stands in.
        rec.Summaries[(int)SummaryMetric.MaxSales30d] = m.Days >= 30 ? maxSales30 : totalSold / m.Days;
        rec.Summaries[(int)SummaryMetric.MinHashrateRatio] = minH;
        rec.Summaries[(int)SummaryMetric.DaysBelowAisc] = daysBelow;
        return rec;
    }

    /// <summary>
    /// Step 5 for one tier of median power cost <paramref name="u"/>: the running share and the power cost of the running
    /// share per EH/s installed; with a must-run share (MODEL.md 11.6) that share runs whatever the hashprice.
    /// </summary>
    private static (double On, double Pw) Running(double hashprice, double u, CompiledCohort k, double mustRun)
    {
        if (k.Spread > 0)
        {
            double z = Math.Log(hashprice / u) / k.Spread;
            double on = Phi(z), paid = Phi(z - k.Spread);
            if (mustRun > 0)
            {
                on = mustRun + (1.0 - mustRun) * on;
                paid = mustRun + (1.0 - mustRun) * paid;
            }

            return (on, u * k.SpreadPremium * paid);
        }

        double step = hashprice >= u ? 1.0 : 0.0;
        if (mustRun > 0) step = mustRun + (1.0 - mustRun) * step;
        return (step, u * step);
    }

    private static double Phi(double z) => double.IsPositiveInfinity(z) ? 1.0 : double.IsNegativeInfinity(z) ? 0.0 : 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2.0));
}
