using MinerSim.Scenarios;

namespace MinerSim.Kernel;

/// <summary>The constants of MODEL.md section 11 (fleet dynamics) for the day step.</summary>
public sealed class CompiledFleet
{
    /// <summary>Flattens <paramref name="f"/> for <paramref name="cohorts"/>.</summary>
    public CompiledFleet(FleetSpec f, IReadOnlyList<CohortSpec> cohorts)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(cohorts);
        NewCostPerPowerPrice = 24_000.0 * f.NewEfficiency;
        LnNewCostPerPowerPrice = Math.Log(NewCostPerPowerPrice);
        InvNewCostPerPowerPrice = 1.0 / NewCostPerPowerPrice;
        NewPowerCost = NewCostPerPowerPrice * f.NewPowerPrice;
        MachinePrice = f.MachinePrice * f.NewEfficiency * 1e6;
        Reinvest = f.Reinvest;
        ReinvestSigma = f.ReinvestSigma;
        CapacitySigma = f.CapacitySigma;
        CapacityDays = f.CapacityDays;
        MaxPayback = f.MaxPayback;
        MaxOrders = f.MaxOrdersMw / f.NewEfficiency;
        DeliveryRate = 2.0 / f.DeliveryDays;
        RetirePerDay = f.RetireRate / 365.0;
        MustRun = f.MustRun;
        Ordered0 = f.Ordered0;
        Shipping0 = f.Shipping0;
        double total = cohorts.Sum(c => c.K0);
        DeliveryShare = [.. cohorts.Select(c => total > 0 ? c.K0 / total : 1.0 / cohorts.Count)];
    }

    /// <summary>24_000 * eN: the new vintage's daily power cost per EH/s per USD/kWh.</summary>
    public double NewCostPerPowerPrice { get; }
    /// <summary>ln of <see cref="NewCostPerPowerPrice"/> (step 5's z for the new vintage).</summary>
    public double LnNewCostPerPowerPrice { get; }
    /// <summary>1 / <see cref="NewCostPerPowerPrice"/>.</summary>
    public double InvNewCostPerPowerPrice { get; }
    /// <summary>uN = 24_000 * eN * pN: a new machine's power cost as its buyers judge it, USD per EH/s per day.</summary>
    public double NewPowerCost { get; }
    /// <summary>M = psi * eN * 1e6: price of 1 EH/s of new machines, USD.</summary>
    public double MachinePrice { get; }
    /// <summary>beta.</summary>
    public double Reinvest { get; }
    /// <summary>sigmaBeta.</summary>
    public double ReinvestSigma { get; }
    /// <summary>sigmaK.</summary>
    public double CapacitySigma { get; }
    /// <summary>tauK, days.</summary>
    public double CapacityDays { get; }
    /// <summary>Whether day <paramref name="t"/>'s step 11.3.3 still moves the installed base by kappa^(1/tauK) (days t + 1 &lt;= tauK).</summary>
    public bool Drifts(int t) => t + 1 <= CapacityDays;
    /// <summary>PBmax, days.</summary>
    public double MaxPayback { get; }
    /// <summary>Gmax / eN: most EH/s ordered a day.</summary>
    public double MaxOrders { get; }
    /// <summary>k = 2 / L: each delay stage's daily outflow per EH/s in it.</summary>
    public double DeliveryRate { get; }
    /// <summary>rr / 365.</summary>
    public double RetirePerDay { get; }
    /// <summary>mu: the must-run share of every tier (MODEL.md 11.6).</summary>
    public double MustRun { get; }
    /// <summary>Q1(0).</summary>
    public double Ordered0 { get; }
    /// <summary>Q2(0).</summary>
    public double Shipping0 { get; }
    /// <summary>K0[c] / sum K0 (equal shares when sum K0 = 0): each cohort's share of deliveries.</summary>
    public IReadOnlyList<double> DeliveryShare { get; }

    /// <summary>EH/s ordered on a day with hashprice <paramref name="hp"/> and difficulty-implied hashrate <paramref name="hd"/> by a path of investment intensity <paramref name="intensity"/> (MODEL.md 11.3.1).</summary>
    public double Orders(double intensity, double hp, double hd)
    {
        double margin = hp - NewPowerCost;
        if (!(margin > 0)) return 0.0;
        double payback = MachinePrice / margin;
        return intensity * Math.Min(MaxOrders, Reinvest * hp * hd * Math.Max(0.0, 1.0 - payback / MaxPayback) / MachinePrice);
    }
}
