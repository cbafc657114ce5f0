using MinerSim.Scenarios;

namespace MinerSim.Kernel;

/// <summary>
/// A scenario flattened into the constants the day step needs (cohorts and tiers as arrays,
/// derived rates precomputed). Built once per run; shared read-only by all workers.
/// </summary>
public sealed class CompiledScenario
{
    /// <summary>Compiles <paramref name="scenario"/> for a horizon of <paramref name="days"/> days.</summary>
    /// <param name="scenario">A validated scenario.</param>
    /// <param name="days">Horizon T (usually <see cref="Scenario.Days"/>).</param>
    /// <param name="historicalReturns">Daily log returns for the <c>bootstrap</c> price model (read by the caller from the scenario's CSV).</param>
    /// <param name="replayCloses">Real closes from day 0 on, at least <paramref name="days"/> of them, for the <c>replay</c> price model.</param>
    public CompiledScenario(Scenario scenario, int days, IReadOnlyList<double>? historicalReturns = null, IReadOnlyList<double>? replayCloses = null)
    {
        Scenario = scenario;
        Days = days;
        var p = scenario.Price;
        P0 = p.P0;
        Kappa = p.LambdaJ * (Math.Exp(p.MuJ + 0.5 * p.SigmaJ * p.SigmaJ) - 1.0);
        Drift = (p.Mu - 0.5 * p.Sigma * p.Sigma - Kappa) / 365.0;
        DailyVol = p.Sigma / Math.Sqrt(365.0);
        JumpProbability = p.LambdaJ / 365.0;
        MuJ = p.MuJ;
        SigmaJ = p.SigmaJ;
        ImpactPerBtc = p.Gamma / p.Liquidity;

        Model = p.Model switch
        {
            "regime" => PriceModelKind.Regime,
            "bootstrap" => PriceModelKind.Bootstrap,
            "replay" => PriceModelKind.Replay,
            _ => PriceModelKind.Gbm,
        };
        if (Model == PriceModelKind.Replay)
        {
            if (replayCloses is null || replayCloses.Count < days)
            {
                throw new ArgumentException($"the replay model needs {days} closes, one per day", nameof(replayCloses));
            }

            ReplayCloses = replayCloses.Take(days).ToArray();
            P0 = ReplayCloses[0];
        }
        else
        {
            ReplayCloses = [];
        }

        if (p.Regime is { } r)
        {
            BullDrift = (r.BullMu - 0.5 * r.BullSigma * r.BullSigma - Kappa) / 365.0;
            BearDrift = (r.BearMu - 0.5 * r.BearSigma * r.BearSigma - Kappa) / 365.0;
            BullVol = r.BullSigma / Math.Sqrt(365.0);
            BearVol = r.BearSigma / Math.Sqrt(365.0);
            PBullToBear = r.PBullToBear;
            PBearToBull = r.PBearToBull;
            PStartBull = r.PStartBull ?? r.PBearToBull / (r.PBullToBear + r.PBearToBull);
        }

        if (Model == PriceModelKind.Bootstrap)
        {
            var spec = p.Bootstrap ?? throw new ArgumentException("the bootstrap model needs price.bootstrap", nameof(scenario));
            if (historicalReturns is null || historicalReturns.Count < spec.BlockDays)
            {
                throw new ArgumentException($"the bootstrap model needs at least {spec.BlockDays} historical returns", nameof(historicalReturns));
            }

            double mean = spec.Demean ? historicalReturns.Average() : 0.0;
            HistoricalReturns = historicalReturns.Select(x => x - mean).ToArray();
            BlockDays = spec.BlockDays;
        }
        else
        {
            HistoricalReturns = [];
            BlockDays = 1;
        }

        FeeMedian = scenario.Fees.Median;
        FeeSigma = scenario.Fees.Sigma;
        Hd0 = scenario.Network.Hd0;
        Height0 = scenario.Network.Height0;
        EpochDays0 = scenario.Network.EpochDays0 ?? Height0 % 2016.0 / 144.0;
        var history = scenario.Network.HashrateHistory;
        HashrateHistory = [.. history.Skip(Math.Max(0, history.Count - 59))];
        Retargets = scenario.Network.DifficultyAdjustment;

        var m = scenario.Market;
        Theta = m.Theta;
        OtcDays = m.OtcDays;
        MuE = m.MuE;
        SigmaE = m.SigmaE;
        PhiE = m.PhiE;
        EtfShockScale = m.SigmaE * Math.Sqrt(1.0 - m.PhiE * m.PhiE);
        RhoEP = m.RhoEP;
        RhoEPComplement = Math.Sqrt(1.0 - m.RhoEP * m.RhoEP);

        Cohorts = scenario.Cohorts.Select(c => new CompiledCohort(c)).ToArray();
        Fleet = scenario.Fleet is { } fleet ? new CompiledFleet(fleet, scenario.Cohorts) : null;
        Online = OnlineShares(scenario, days);
        InitialInventory = Cohorts.Sum(c => c.I0);
    }

    /// <summary>The source scenario.</summary>
    public Scenario Scenario { get; }
    /// <summary>Horizon T.</summary>
    public int Days { get; }
    /// <summary>P0 (for the replay model, the close of day 0).</summary>
    public double P0 { get; }
    /// <summary>Jump compensator kappa = lambdaJ (exp(muJ + sigmaJ^2/2) - 1).</summary>
    public double Kappa { get; }
    /// <summary>(mu - sigma^2/2 - kappa) / 365.</summary>
    public double Drift { get; }
    /// <summary>sigma / sqrt(365).</summary>
    public double DailyVol { get; }
    /// <summary>lambdaJ / 365.</summary>
    public double JumpProbability { get; }
    /// <summary>muJ.</summary>
    public double MuJ { get; }
    /// <summary>sigmaJ.</summary>
    public double SigmaJ { get; }
    /// <summary>gamma / L.</summary>
    public double ImpactPerBtc { get; }
    /// <summary>Which price model step 1 uses.</summary>
    public PriceModelKind Model { get; }
    /// <summary>Regime model: daily drift in the bull state, compensated like <see cref="Drift"/>.</summary>
    public double BullDrift { get; }
    /// <summary>Regime model: daily drift in the bear state.</summary>
    public double BearDrift { get; }
    /// <summary>Regime model: daily volatility in the bull state.</summary>
    public double BullVol { get; }
    /// <summary>Regime model: daily volatility in the bear state.</summary>
    public double BearVol { get; }
    /// <summary>Regime model: daily bull-to-bear switching probability.</summary>
    public double PBullToBear { get; }
    /// <summary>Regime model: daily bear-to-bull switching probability.</summary>
    public double PBearToBull { get; }
    /// <summary>Regime model: probability of starting in the bull state.</summary>
    public double PStartBull { get; }
    /// <summary>Bootstrap model: the (optionally demeaned) historical daily log returns.</summary>
    public double[] HistoricalReturns { get; }
    /// <summary>Replay model: the real close of each day 0 .. T-1 (MODEL.md section 10); empty for other models.</summary>
    public double[] ReplayCloses { get; }
    /// <summary>Whether step 1 draws a sixth uniform a day (the regime switch or the bootstrap block start).</summary>
    public bool DrawsModelUniform => Model is PriceModelKind.Regime or PriceModelKind.Bootstrap;
    /// <summary>Bootstrap model: block length in days.</summary>
    public int BlockDays { get; }
    /// <summary>Median fee per block.</summary>
    public double FeeMedian { get; }
    /// <summary>Fee log-sd.</summary>
    public double FeeSigma { get; }
    /// <summary>HD0.</summary>
    public double Hd0 { get; }
    /// <summary>height0.</summary>
    public double Height0 { get; }
    /// <summary>The last (up to 59) daily hashrates before day 0, oldest first; empty: days before day 0 count as day 0's H.</summary>
    public double[] HashrateHistory { get; }
    /// <summary>Days the current epoch has run at day 0: <c>network.epochDays0</c>, else (height0 mod 2016) / 144.</summary>
    public double EpochDays0 { get; }
    /// <summary>Whether difficulty retargets (MODEL.md step 13).</summary>
    public bool Retargets { get; }
    /// <summary>theta.</summary>
    public double Theta { get; }
    /// <summary>otcDays.</summary>
    public double OtcDays { get; }
    /// <summary>muE.</summary>
    public double MuE { get; }
    /// <summary>sigmaE.</summary>
    public double SigmaE { get; }
    /// <summary>phiE.</summary>
    public double PhiE { get; }
    /// <summary>sigmaE sqrt(1 - phiE^2).</summary>
    public double EtfShockScale { get; }
    /// <summary>rhoEP.</summary>
    public double RhoEP { get; }
    /// <summary>sqrt(1 - rhoEP^2).</summary>
    public double RhoEPComplement { get; }
    /// <summary>1 - f(t) of MODEL.md section 11.5 for each day: the share of running machines that events leave on; empty without events.</summary>
    public double[] Online { get; }
    /// <summary>Fleet dynamics (MODEL.md section 11); null for v1.1's step 10.</summary>
    public CompiledFleet? Fleet { get; }
    /// <summary>The cohorts.</summary>
    public IReadOnlyList<CompiledCohort> Cohorts { get; }
    /// <summary>Sum of I0 over cohorts.</summary>
    public double InitialInventory { get; }

    /// <summary>Section 11.5: the online share of each day 0 .. T-1 (<see cref="EventSpec.OnlineOn"/>); empty without events.</summary>
    private static double[] OnlineShares(Scenario scenario, int days)
    {
        if (scenario.Events.Count == 0 || scenario.StartDate is not { } start) return [];
        var online = new double[days];
        for (int t = 0; t < days; t++) online[t] = EventSpec.OnlineOn(scenario.Events, start.AddDays(t));
        return online;
    }
}
