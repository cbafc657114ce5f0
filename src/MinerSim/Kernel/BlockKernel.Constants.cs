namespace MinerSim.Kernel;

/// <summary>The cohorts' constants flattened into the slab, so the day loop broadcasts them from one cache line.</summary>
public sealed unsafe partial class BlockKernel
{
    private const int Opex = 0, Capex = 1, Financing = 2, Hpc = 3, RhoCalm = 4, RhoSevere = 5, RhoCapital = 6;
    private const int StressCap = 7, StressRate = 8, SevereCap = 9, SevereRate = 10, PhiNear = 11, Funding = 12;
    private const int GrowthFactor = 13, DecayFactor = 14, Spread = 15, InvSpread = 16;

    // The smallest and largest ln c_j of the cohort's tiers: the extremes of step 5's z for the near-range check.
    private const int LnCostMin = 17, LnCostMax = 18;
    private const int CohortStride = 19;

    private void CompileConstants()
    {
        for (int c = 0; c < _nc; c++)
        {
            var k = _m.Cohorts[c];
            double* cc = _cohortConst + c * CohortStride;
            cc[Opex] = k.Opex;
            cc[Capex] = k.Capex;
            cc[Financing] = k.Financing;
            cc[Hpc] = k.Hpc;
            cc[RhoCalm] = k.RhoCalm;
            cc[RhoSevere] = k.RhoSevere;
            cc[RhoCapital] = k.RhoCapital;
            cc[StressCap] = k.StressCap;
            cc[StressRate] = k.StressRate;
            cc[SevereCap] = k.SevereCap;
            cc[SevereRate] = k.SevereRate;
            cc[PhiNear] = k.PhiNear;
            cc[Funding] = k.Funding;
            cc[GrowthFactor] = k.GrowthFactor;
            cc[DecayFactor] = k.DecayFactor;
            cc[Spread] = k.Spread;
            cc[InvSpread] = k.Spread > 0 ? 1.0 / k.Spread : 0.0;
            cc[LnCostMin] = double.PositiveInfinity;
            cc[LnCostMax] = double.NegativeInfinity;
            for (int j = 0; j < k.Weights.Count; j++)
            {
                int g = _tierStart[c] + j;
                _tierWeight[g] = k.Weights[j];
                _tierCost[g] = k.CostPerPowerPrice[j];
                _tierLnCost[g] = Math.Log(k.CostPerPowerPrice[j]);
                _tierInvCost[g] = 1.0 / k.CostPerPowerPrice[j];
                cc[LnCostMin] = Math.Min(cc[LnCostMin], _tierLnCost[g]);
                cc[LnCostMax] = Math.Max(cc[LnCostMax], _tierLnCost[g]);
            }

            if (_fleet is { } fleet)
            {
                // Section 11.2's new vintage is one more tier for the near-range check.
                cc[LnCostMin] = Math.Min(cc[LnCostMin], fleet.LnNewCostPerPowerPrice);
                cc[LnCostMax] = Math.Max(cc[LnCostMax], fleet.LnNewCostPerPowerPrice);
            }

            // A cohort with a spread above the pairing limit always takes the general path of step 5.
            _allPaired &= k.Spread <= MaxPairedSpread;
        }
    }
}
