namespace MinerSim.Scenarios;

/// <summary>
/// Fleet dynamics (MODEL.md section 11): a new vintage per cohort fed by orders that follow the newest
/// machines' payback, delivered through a two-stage delay, and the scrapping of machines that stay off.
/// Absent (null) in a scenario: v1.1's step 10.
/// </summary>
public sealed record FleetSpec
{
    /// <summary>eN: J/TH of the machines delivered during the run.</summary>
    public required double NewEfficiency { get; init; }
    /// <summary>pN: USD/kWh at which buyers judge a new machine.</summary>
    public double NewPowerPrice { get; init; } = 0.05;
    /// <summary>psi: USD per watt of machine.</summary>
    public double MachinePrice { get; init; } = 1.0;
    /// <summary>beta: median share of network revenue spent on machines when they pay back at once.</summary>
    public double Reinvest { get; init; }
    /// <summary>sigmaBeta: log-sd of beta across paths.</summary>
    public double ReinvestSigma { get; init; }
    /// <summary>Gmax: most MW of machines the industry can build a day (orders are capped at Gmax / eN EH/s a day).</summary>
    public double MaxOrdersMw { get; init; } = 1e9;
    /// <summary>sigmaK: log-sd across paths of the drift of the installed base over the first <see cref="CapacityDays"/> days.</summary>
    public double CapacitySigma { get; init; }
    /// <summary>tauK: days over which the installed base drifts by the path's kappa.</summary>
    public double CapacityDays { get; init; } = 42;
    /// <summary>PBmax: payback in days beyond which nobody orders.</summary>
    public double MaxPayback { get; init; } = 730;
    /// <summary>L: mean days from order to delivery.</summary>
    public double DeliveryDays { get; init; } = 180;
    /// <summary>rr: share per year of switched-off capacity scrapped.</summary>
    public double RetireRate { get; init; }
    /// <summary>mu: share of every tier's machines that runs whatever the hashprice (fixed-price power, hedges, hosting contracts).</summary>
    public double MustRun { get; init; }
    /// <summary>Q1(0): EH/s on order at day 0 in the first stage of the delay.</summary>
    public double Ordered0 { get; init; }
    /// <summary>Q2(0): EH/s on order at day 0 in the second stage.</summary>
    public double Shipping0 { get; init; }
}
