using MinerSim.Metrics;
using MinerSim.Miners;
using MinerSim.Network;

namespace MinerSim.Kernel;

/// <summary>The day's steps of MODEL.md section 4, each a loop over the block's lanes.</summary>
public sealed partial class BlockKernel
{
    /// <summary>Step 1 for t &gt; 0.</summary>
    private void StepPrice(int t, int count)
    {
        var m = _m;
        switch (m.Model)
        {
            case PriceModelKind.Gbm:
                for (int i = 0; i < count; i++)
                {
                    double jump = _uj[i] < m.JumpProbability ? m.MuJ + m.SigmaJ * _zj[i] : 0.0;
                    double r = m.Drift + m.DailyVol * _zp[i] + jump;
                    _price[i] *= Math.Exp(r - m.ImpactPerBtc * _vprev[i]);
                }

                break;
            case PriceModelKind.Regime:
                for (int i = 0; i < count; i++)
                {
                    bool bull = _bull[i] != 0.0;
                    bull = bull ? _um[i] >= m.PBullToBear : _um[i] < m.PBearToBull;
                    _bull[i] = bull ? 1.0 : 0.0;
                    double jump = _uj[i] < m.JumpProbability ? m.MuJ + m.SigmaJ * _zj[i] : 0.0;
                    double r = (bull ? m.BullDrift : m.BearDrift) + (bull ? m.BullVol : m.BearVol) * _zp[i] + jump;
                    _price[i] *= Math.Exp(r - m.ImpactPerBtc * _vprev[i]);
                }

                break;
            case PriceModelKind.Bootstrap:
                int offset = (t - 1) % m.BlockDays;
                var history = m.HistoricalReturns;
                for (int i = 0; i < count; i++)
                {
                    if (offset == 0)
                    {
                        _bootStart[i] = (int)(_um[i] * (history.Length - m.BlockDays + 1));
                    }

                    double r = history[_bootStart[i] + offset];
                    _price[i] *= Math.Exp(r - m.ImpactPerBtc * _vprev[i]);
                }

                break;
        }
    }

    /// <summary>Steps 2-4: fee, reward per block, hashprice in USD per EH/s per day.</summary>
    private void StepRewardAndHashprice(int count)
    {
        var m = _m;
        for (int i = 0; i < count; i++)
        {
            double fee = m.FeeMedian * Math.Exp(m.FeeSigma * _zf[i]);
            double reward = Subsidy.AtHeight(_height[i]) + fee;
            _reward[i] = reward;
            _hashprice[i] = 144.0 * reward * _price[i] / _hd[i];
        }
    }

    /// <summary>Step 5: the running share and power cost of every tier; active and network hashrate.</summary>
    private void StepMachines(int count)
    {
        Array.Clear(_network, 0, count);
        Array.Clear(_installed, 0, count);
        for (int c = 0; c < _nc; c++)
        {
            var k = _cohorts[c];
            int o = c * B;
            Array.Clear(_onSum, 0, count);
            Array.Clear(_pwSum, 0, count);
            for (int j = 0; j < k.Weights.Count; j++)
            {
                double w = k.Weights[j];
                double cost = k.CostPerPowerPrice[j];
                if (k.Spread > 0)
                {
                    double s = k.Spread, premium = k.SpreadPremium;
                    for (int i = 0; i < count; i++)
                    {
                        double u = cost * _powerPrice[o + i];
                        double z = Math.Log(_hashprice[i] / u) / s;
                        _onSum[i] += w * NormalCdf.Phi(z);
                        _pwSum[i] += w * (u * premium * NormalCdf.Phi(z - s));
                    }

                }
                else
                {
                    for (int i = 0; i < count; i++)
                    {
                        double u = cost * _powerPrice[o + i];
                        double on = _hashprice[i] >= u ? 1.0 : 0.0;
                        _onSum[i] += w * on;
                        _pwSum[i] += w * (u * on);
                    }
                }
            }

            for (int i = 0; i < count; i++)
            {
                double cap = _capacity[o + i];
                double a = cap * _onSum[i];
                _active[o + i] = a;
                _powerCost[o + i] = cap * _pwSum[i];
                _network[i] += a;
                _installed[i] += cap;
            }
        }

        var active = _day.AsSpan((int)DailyMetric.ActiveShare * B, count);
        for (int i = 0; i < count; i++)
        {
            active[i] = _installed[i] > 0 ? _network[i] / _installed[i] : 0.0;
        }
    }

    /// <summary>Steps 6-10 per cohort: production, AISC layers, regime, sales, inventory, capacity.</summary>
    private void StepCohorts(int count)
    {
        Array.Clear(_sold, 0, count);
        Array.Clear(_productionAll, 0, count);
        Array.Clear(_costAll, 0, count);
        for (int c = 0; c < _nc; c++)
        {
            var k = _cohorts[c];
            int o = c * B;
            for (int i = 0; i < count; i++)
            {
                double price = _price[i];
                double production = 144.0 * _reward[i] * _active[o + i] / _hd[i];
                double cap = _capacity[o + i];
                double c1 = _powerCost[o + i] + k.Opex * cap;
                double c2 = k.Capex * cap;
                double c3 = k.Financing;
                double net = c1 + c2 + c3 - k.Hpc;
                double rho = net <= 0 ? double.PositiveInfinity : price * production / net;
                _productionAll[i] += production;
                _costAll[i] += net;

                double phi, inventoryRate = 0.0;
                double liquidated = _liquidated[o + i];
                if (rho >= k.RhoCalm)
                {
                    phi = _phiCalm[o + i];
                }
                else if (rho >= 1.0)
                {
                    phi = k.PhiNear;
                }
                else
                {
                    phi = 1.0;
                    inventoryRate = rho >= k.RhoSevere
                        ? Math.Min(k.StressRate, Math.Max(0.0, k.StressCap - liquidated))
                        : Math.Min(k.SevereRate, Math.Max(0.0, k.SevereCap - liquidated));
                }

                _liquidated[o + i] = rho < 1.0 ? liquidated + inventoryRate : 0.0;
                double planned = phi * production + inventoryRate;
                double funding = rho >= k.RhoCapital ? k.Funding : 0.0;
                double mandatory = Math.Max(0.0, c1 + c3 - k.Hpc - funding) / price;
                double inventory = _inventory[o + i];
                double sale = Math.Min(inventory + production, Math.Max(planned, mandatory));
                _inventory[o + i] = inventory + production - sale;
                _sold[i] += sale;

                _capacity[o + i] = rho >= k.RhoCalm ? cap * k.GrowthFactor : rho < 1.0 ? cap * k.DecayFactor : cap;
            }
        }
    }

    /// <summary>Steps 11-15: OTC execution, ETF flow, difficulty, height, and the day's record.</summary>
    private void StepMarketAndNetwork(int t, int count)
    {
        var m = _m;
        var day = _day.AsSpan();
        for (int i = 0; i < count; i++)
        {
            double sold = _sold[i];
            double otc = t == 0 ? m.Theta * sold * (m.OtcDays - 1.0) : _otc[i];
            otc += m.Theta * sold;
            double release = otc / m.OtcDays;
            _otc[i] = otc - release;
            double visible = (1.0 - m.Theta) * sold + release;
            _vprev[i] = visible;

            double ze = m.RhoEP * _zp[i] + m.RhoEPComplement * _ze[i];
            double etf = m.MuE + m.PhiE * (_eprev[i] - m.MuE) + m.EtfShockScale * ze;
            _eprev[i] = etf;

            double network = _network[i];
            double blocks = 144.0 * network / _hd[i];
            if (m.Retargets)
            {
                double epochBlocks = _epochBlocks[i] + blocks;
                double epochDays = _epochDays[i] + 1.0;
                double hd = _hd[i];
                while (epochBlocks >= 2016.0)
                {
                    double need = 2016.0 - (epochBlocks - blocks);
                    double frac = need / blocks;
                    double span = (epochDays - 1.0 + frac) * 86400.0 * 2015.0 / 2016.0;
                    hd *= Retarget.Factor(span);
                    epochBlocks -= 2016.0;
                    epochDays = 1.0 - frac;
                }

                _hd[i] = hd;
                _epochBlocks[i] = epochBlocks;
                _epochDays[i] = epochDays;
            }

            _height[i] += blocks;

            double inv = 0.0;
            for (int c = 0; c < _nc; c++) inv += _inventory[c * B + i];

            // Hash ribbon: ring of the last 60 H; days before day 0 count as day 0's H.
            if (t == 0)
            {
                for (int slot = 0; slot < 60; slot++) _hRing[slot * B + i] = network;
                _h30[i] = 30.0 * network;
                _h60[i] = 60.0 * network;
            }
            else
            {
                _h30[i] += network - _hRing[((t + 30) % 60) * B + i];
                _h60[i] += network - _hRing[(t % 60) * B + i];
                _hRing[(t % 60) * B + i] = network;
            }

            int sSlot = (t % 30) * B + i;
            _s30[i] += sold - _sRing[sSlot];
            _sRing[sSlot] = sold;
            if (t >= 29) _maxSales30[i] = Math.Max(_maxSales30[i], _s30[i] / 30.0);
            _totalSold[i] += sold;
            _minH[i] = Math.Min(_minH[i], network / m.Hd0);
            if (_price[i] * _productionAll[i] < _costAll[i]) _daysBelow[i] += 1.0;

            day[(int)DailyMetric.Price * B + i] = _price[i];
            day[(int)DailyMetric.Hashrate * B + i] = network;
            day[(int)DailyMetric.DifficultyHashrate * B + i] = _hd[i];
            day[(int)DailyMetric.Hashprice * B + i] = _hashprice[i] / 1000.0;
            day[(int)DailyMetric.MinerSales * B + i] = sold;
            day[(int)DailyMetric.VisiblePressure * B + i] = visible;
            day[(int)DailyMetric.MinerInventory * B + i] = inv;
            day[(int)DailyMetric.EtfFlow * B + i] = etf;
            day[(int)DailyMetric.RibbonInverted * B + i] = 2.0 * _h30[i] < _h60[i] ? 1.0 : 0.0;
        }
    }

    private void FinishSummaries(int count)
    {
        var m = _m;
        var inventory = _day.AsSpan((int)DailyMetric.MinerInventory * B, count);
        for (int i = 0; i < count; i++)
        {
            _summaries[(int)SummaryMetric.TotalSold * B + i] = _totalSold[i];
            // With fewer than 30 days there is no full window: the mean over the horizon stands in.
            _summaries[(int)SummaryMetric.MaxSales30d * B + i] = m.Days >= 30 ? _maxSales30[i] : _totalSold[i] / m.Days;
            _summaries[(int)SummaryMetric.MinHashrateRatio * B + i] = _minH[i];
            _summaries[(int)SummaryMetric.DaysBelowAisc * B + i] = _daysBelow[i];
            _summaries[(int)SummaryMetric.InventoryDrawdown * B + i] = m.InitialInventory > 0 ? 1.0 - inventory[i] / m.InitialInventory : 0.0;
        }
    }
}
