namespace MinerSim.Scenarios;

/// <summary>
/// One miner cohort (MODEL.md sections 3 and 4, steps 5-10 and the table of section 9).
/// Costs are USD per EH/s per day (opex, capex) or USD per day (financing, hpc, funding).
/// </summary>
public sealed record CohortSpec
{
    /// <summary>Cohort name.</summary>
    public required string Name { get; init; }
    /// <summary>Installed capacity K0, EH/s.</summary>
    public required double K0 { get; init; }
    /// <summary>Fleet tiers; weights sum to 1.</summary>
    public required IReadOnlyList<TierSpec> Tiers { get; init; }
    /// <summary>Median power price p_median, USD per kWh.</summary>
    public required double PMedian { get; init; }
    /// <summary>Log-sd p_sigma of the cohort's median power price across paths.</summary>
    public double PSigma { get; init; }
    /// <summary>Log-spread p_spread of site power prices around the cohort median.</summary>
    public double PSpread { get; init; }
    /// <summary>Hosting, maintenance and labour, USD per EH/s installed per day.</summary>
    public double Opex { get; init; }
    /// <summary>Sustaining capex, USD per EH/s installed per day.</summary>
    public double Capex { get; init; }
    /// <summary>Corporate and financing cost, USD per day.</summary>
    public double Financing { get; init; }
    /// <summary>AI/HPC revenue, USD per day.</summary>
    public double Hpc { get; init; }
    /// <summary>Initial inventory I0, BTC.</summary>
    public double I0 { get; init; }
    /// <summary>External funding while capital markets are open, USD per day.</summary>
    public double Funding { get; init; }
    /// <summary>Calm sale fraction, drawn once per path from U(lo, hi).</summary>
    public required UniformRange PhiCalm { get; init; }
    /// <summary>Sale fraction in the near regime.</summary>
    public required double PhiNear { get; init; }
    /// <summary>Annual capacity growth in calm.</summary>
    public double Growth { get; init; }
    /// <summary>Annual capacity decay under stress.</summary>
    public double Decay { get; init; }
    /// <summary>Calm threshold on rho = P / AISC.</summary>
    public double RhoCalm { get; init; } = 1.25;
    /// <summary>Severe threshold on rho.</summary>
    public double RhoSevere { get; init; } = 0.85;
    /// <summary>Funding stops below this rho.</summary>
    public double RhoCapital { get; init; } = 0.9;
    /// <summary>Share of I0 a stress episode may liquidate.</summary>
    public double QStress { get; init; } = 0.10;
    /// <summary>Days over which a stress episode liquidates qStress.</summary>
    public double DaysStress { get; init; } = 60;
    /// <summary>Share of I0 a severe episode may liquidate.</summary>
    public double QSevere { get; init; } = 0.30;
    /// <summary>Days over which a severe episode liquidates qSevere.</summary>
    public double DaysSevere { get; init; } = 90;
}
