using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using MinerSim.Metrics;
using MinerSim.Network;
using V = System.Runtime.Intrinsics.Vector512<double>;

namespace MinerSim.Kernel;

/// <summary>Steps 11-15 and the per-path summaries.</summary>
public sealed unsafe partial class BlockKernel
{
    /// <summary>Steps 11-15: OTC execution, ETF flow, difficulty, height, and the day's record.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void StepMarketAndNetwork(int t)
    {
        var m = _m;
        V theta = C(m.Theta), invOtcDays = C(1.0 / m.OtcDays), lit = C(1.0 - m.Theta), muE = C(m.MuE);
        V rhoEP = C(m.RhoEP), rhoEPc = C(m.RhoEPComplement), phiE = C(m.PhiE), shock = C(m.EtfShockScale);
        bool first = t == 0;
        double* hOut = _hRing + t % 60 * Row, h30Out = _hRing + (t + 30) % 60 * Row, sSlot = _sRing + t % 30 * Row;
        double* day = _day;
        for (int i = 0; i < _lanes; i += W)
        {
            var sold = Vector512.Load(_sold + i);
            var otc = first ? theta * sold * C(m.OtcDays - 1.0) : Vector512.Load(_otc + i);
            otc += theta * sold;
            var release = otc * invOtcDays;
            Vector512.Store(otc - release, _otc + i);
            var visible = lit * sold + release;
            Vector512.Store(visible, _vprev + i);

            var ze = rhoEP * Vector512.Load(_zp + i) + rhoEPc * Vector512.Load(_ze + i);
            var etf = muE + phiE * (Vector512.Load(_eprev + i) - muE) + shock * ze;
            Vector512.Store(etf, _eprev + i);

            var network = Vector512.Load(_network + i);
            var hd = Vector512.Load(_hd + i);
            var blocks = C(144.0) * network / hd;
            if (m.Retargets)
            {
                var epochBlocks = Vector512.Load(_epochBlocks + i) + blocks;
                var epochDays = Vector512.Load(_epochDays + i) + V.One;
                var due = Vector512.GreaterThanOrEqual(epochBlocks, C(Retarget.Interval));
                while (Vector512.ExtractMostSignificantBits(due) != 0)
                {
                    var need = C(Retarget.Interval) - (epochBlocks - blocks);
                    var frac = need / blocks;
                    var span = (epochDays - V.One + frac) * C(86400.0) * C(2015.0) / C(2016.0);
                    var factor = C(Retarget.TargetTimespan) / Vector512.MinNative(Vector512.MaxNative(span, C(Retarget.MinTimespan)), C(Retarget.MaxTimespan));
                    hd = Vector512.ConditionalSelect(due, hd * factor, hd);
                    epochBlocks = Vector512.ConditionalSelect(due, epochBlocks - C(Retarget.Interval), epochBlocks);
                    epochDays = Vector512.ConditionalSelect(due, V.One - frac, epochDays);
                    due = Vector512.GreaterThanOrEqual(epochBlocks, C(Retarget.Interval));
                }

                Vector512.Store(hd, _hd + i);
                Vector512.Store(epochBlocks, _epochBlocks + i);
                Vector512.Store(epochDays, _epochDays + i);
            }

            Vector512.Store(Vector512.Load(_height + i) + blocks, _height + i);

            // Hash ribbon: ring of the last 60 H; days before day 0 count as day 0's H.
            V h30, h60;
            if (first && m.HashrateHistory.Length > 0)
            {
                // Days -59 .. -1 from the given history (day 0's H before it), in ring slots 60 + d; sums as ReferencePath.
                var history = m.HashrateHistory;
                for (int d = -59; d <= -1; d++)
                {
                    int j = history.Length + d;
                    Vector512.Store(j >= 0 ? C(history[j]) : network, _hRing + (60 + d) * Row + i);
                }

                Vector512.Store(network, _hRing + i);
                h30 = network;
                for (int d = -1; d >= -29; d--) h30 += Vector512.Load(_hRing + (60 + d) * Row + i);
                h60 = h30;
                for (int d = -30; d >= -59; d--) h60 += Vector512.Load(_hRing + (60 + d) * Row + i);
            }
            else if (first)
            {
                for (int slot = 0; slot < 60; slot++) Vector512.Store(network, _hRing + slot * Row + i);
                h30 = C(30.0) * network;
                h60 = C(60.0) * network;
            }
            else
            {
                h30 = Vector512.Load(_h30 + i) + (network - Vector512.Load(h30Out + i));
                h60 = Vector512.Load(_h60 + i) + (network - Vector512.Load(hOut + i));
                Vector512.Store(network, hOut + i);
            }

            Vector512.Store(h30, _h30 + i);
            Vector512.Store(h60, _h60 + i);

            var s30 = Vector512.Load(_s30 + i) + (sold - Vector512.Load(sSlot + i));
            Vector512.Store(sold, sSlot + i);
            Vector512.Store(s30, _s30 + i);
            // Division by 30 and by HD0 is monotone, so the extremes are divided once at the end.
            if (t >= 29) Vector512.Store(Vector512.Max(Vector512.Load(_maxSales30 + i), s30), _maxSales30 + i);
            Vector512.Store(Vector512.Load(_totalSold + i) + sold, _totalSold + i);
            Vector512.Store(Vector512.Min(Vector512.Load(_minH + i), network), _minH + i);

            Vector512.Store(Vector512.Load(_price + i), day + (int)DailyMetric.Price * B + i);
            Vector512.Store(network, day + (int)DailyMetric.Hashrate * B + i);
            Vector512.Store(hd, day + (int)DailyMetric.DifficultyHashrate * B + i);
            Vector512.Store(Vector512.Load(_hp + i) * C(0.001), day + (int)DailyMetric.Hashprice * B + i);
            Vector512.Store(sold, day + (int)DailyMetric.MinerSales * B + i);
            Vector512.Store(visible, day + (int)DailyMetric.VisiblePressure * B + i);
            Vector512.Store(Vector512.Load(_inventorySum + i), day + (int)DailyMetric.MinerInventory * B + i);
            Vector512.Store(etf, day + (int)DailyMetric.EtfFlow * B + i);
            Vector512.Store(Vector512.LessThan(C(2.0) * h30, h60) & V.One, day + (int)DailyMetric.RibbonInverted * B + i);
        }
    }

    private void FinishSummaries()
    {
        var m = _m;
        double* inventory = _day + (int)DailyMetric.MinerInventory * B;
        for (int i = 0; i < _lanes; i++)
        {
            _summaries[(int)SummaryMetric.TotalSold * B + i] = _totalSold[i];
            // With fewer than 30 days there is no full window: the mean over the horizon stands in.
            _summaries[(int)SummaryMetric.MaxSales30d * B + i] = m.Days >= 30 ? _maxSales30[i] / 30.0 : _totalSold[i] / m.Days;
            _summaries[(int)SummaryMetric.MinHashrateRatio * B + i] = _minH[i] / m.Hd0;
            _summaries[(int)SummaryMetric.DaysBelowAisc * B + i] = _daysBelow[i];
            _summaries[(int)SummaryMetric.InventoryDrawdown * B + i] = m.InitialInventory > 0 ? 1.0 - inventory[i] / m.InitialInventory : 0.0;
        }
    }
}
