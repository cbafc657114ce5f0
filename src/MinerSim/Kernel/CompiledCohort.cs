using MinerSim.Scenarios;

namespace MinerSim.Kernel;

/// <summary>One cohort's constants for the day step (MODEL.md steps 5-10).</summary>
public sealed class CompiledCohort
{
    /// <summary>Flattens <paramref name="c"/>.</summary>
    public CompiledCohort(CohortSpec c)
    {
        Name = c.Name;
        K0 = c.K0;
        Weights = c.Tiers.Select(t => t.Weight).ToArray();
        // Energy cost of 1 EH/s for a day at e J/TH and 1 USD/kWh: 24_000 * e (MODEL.md section 1).
        CostPerPowerPrice = c.Tiers.Select(t => 24_000.0 * t.Efficiency).ToArray();
        PMedian = c.PMedian;
        PSigma = c.PSigma;
        Spread = c.PSpread;
        SpreadPremium = Math.Exp(0.5 * c.PSpread * c.PSpread);
        Opex = c.Opex;
        Capex = c.Capex;
        Financing = c.Financing;
        Hpc = c.Hpc;
        I0 = c.I0;
        Funding = c.Funding;
        PhiCalmLo = c.PhiCalm.Lo;
        PhiCalmWidth = c.PhiCalm.Hi - c.PhiCalm.Lo;
        PhiNear = c.PhiNear;
        GrowthFactor = 1.0 + c.Growth / 365.0;
        DecayFactor = 1.0 - c.Decay / 365.0;
        RhoCalm = c.RhoCalm;
        RhoSevere = c.RhoSevere;
        RhoCapital = c.RhoCapital;
        StressCap = c.QStress * c.I0;
        StressRate = c.QStress / c.DaysStress * c.I0;
        SevereCap = c.QSevere * c.I0;
        SevereRate = c.QSevere / c.DaysSevere * c.I0;
    }

    /// <summary>Cohort name.</summary>
    public string Name { get; }
    /// <summary>K0.</summary>
    public double K0 { get; }
    /// <summary>Tier weights w[k].</summary>
    public IReadOnlyList<double> Weights { get; }
    /// <summary>24_000 * e[k]: the tier's daily power cost per EH/s per USD/kWh.</summary>
    public IReadOnlyList<double> CostPerPowerPrice { get; }
    /// <summary>p_median.</summary>
    public double PMedian { get; }
    /// <summary>p_sigma.</summary>
    public double PSigma { get; }
    /// <summary>p_spread (s).</summary>
    public double Spread { get; }
    /// <summary>exp(s^2 / 2).</summary>
    public double SpreadPremium { get; }
    /// <summary>opex.</summary>
    public double Opex { get; }
    /// <summary>capex.</summary>
    public double Capex { get; }
    /// <summary>financing.</summary>
    public double Financing { get; }
    /// <summary>hpc.</summary>
    public double Hpc { get; }
    /// <summary>I0.</summary>
    public double I0 { get; }
    /// <summary>funding.</summary>
    public double Funding { get; }
    /// <summary>phiCalm lower bound.</summary>
    public double PhiCalmLo { get; }
    /// <summary>phiCalm hi - lo.</summary>
    public double PhiCalmWidth { get; }
    /// <summary>phiNear.</summary>
    public double PhiNear { get; }
    /// <summary>1 + growth / 365.</summary>
    public double GrowthFactor { get; }
    /// <summary>1 - decay / 365.</summary>
    public double DecayFactor { get; }
    /// <summary>rhoCalm.</summary>
    public double RhoCalm { get; }
    /// <summary>rhoSevere.</summary>
    public double RhoSevere { get; }
    /// <summary>rhoCapital.</summary>
    public double RhoCapital { get; }
    /// <summary>qStress * I0: most a stress episode liquidates.</summary>
    public double StressCap { get; }
    /// <summary>qStress / daysStress * I0: stress liquidation per day.</summary>
    public double StressRate { get; }
    /// <summary>qSevere * I0.</summary>
    public double SevereCap { get; }
    /// <summary>qSevere / daysSevere * I0.</summary>
    public double SevereRate { get; }
}
