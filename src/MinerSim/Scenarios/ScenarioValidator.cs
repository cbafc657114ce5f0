using System.Globalization;

namespace MinerSim.Scenarios;

/// <summary>
/// Range checks on every scenario field. The first violation becomes one line:
/// <c>cohorts[2].tiers[0].weight: -0.1 is not in [0, 1]</c>.
/// </summary>
public static class ScenarioValidator
{
    /// <summary>Largest horizon accepted, days (100 years).</summary>
    public const int MaxDays = 36_500;

    /// <summary>Throws <see cref="ScenarioException"/> at the first out-of-range field.</summary>
    public static void Validate(Scenario s, string source)
    {
        var c = new Checker(source);
        c.NotEmpty("name", s.Name);
        c.Range("days", s.Days, 1, MaxDays);
        CheckPrice(c, s.Price);
        if (s.Price.Model == "replay" && s.StartDate is null)
        {
            c.Fail("startDate", "is missing; model 'replay' follows the real closes from the start date");
        }

        c.Range("fees.median", s.Fees.Median, 0, 100);
        c.Range("fees.sigma", s.Fees.Sigma, 0, 5);
        c.Range("network.hd0", s.Network.Hd0, 1e-9, 1e12, lowOpen: true);
        c.Range("network.height0", s.Network.Height0, 0, 1e9);
        if (s.Network.EpochDays0 is double epochDays0) c.Range("network.epochDays0", epochDays0, 0, 3650);
        for (int i = 0; i < s.Network.HashrateHistory.Count; i++) c.Range($"network.hashrateHistory[{i}]", s.Network.HashrateHistory[i], 0, 1e12);
        c.Range("market.theta", s.Market.Theta, 0, 1);
        c.Range("market.otcDays", s.Market.OtcDays, 1, 3650);
        c.Range("market.muE", s.Market.MuE, -1e7, 1e7);
        c.Range("market.sigmaE", s.Market.SigmaE, 0, 1e7);
        c.Range("market.phiE", s.Market.PhiE, 0, 1, highOpen: true);
        c.Range("market.rhoEP", s.Market.RhoEP, -1, 1);
        if (s.Fleet is { } f)
        {
            c.Range("fleet.newEfficiency", f.NewEfficiency, 0.1, 1000);
            c.Range("fleet.newPowerPrice", f.NewPowerPrice, 0, 1);
            c.Range("fleet.machinePrice", f.MachinePrice, 0, 100, lowOpen: true);
            c.Range("fleet.reinvest", f.Reinvest, 0, 10);
            c.Range("fleet.reinvestSigma", f.ReinvestSigma, 0, 3);
            c.Range("fleet.capacitySigma", f.CapacitySigma, 0, 3);
            c.Range("fleet.capacityDays", f.CapacityDays, 1, 3650);
            if (Math.Floor(f.CapacityDays) != f.CapacityDays) c.Fail("fleet.capacityDays", $"{f.CapacityDays.ToString(CultureInfo.InvariantCulture)} is not a whole number of days");
            c.Range("fleet.maxPayback", f.MaxPayback, 1, 3650);
            c.Range("fleet.maxOrdersMw", f.MaxOrdersMw, 0, 1e9);
            c.Range("fleet.deliveryDays", f.DeliveryDays, 2, 3650);
            c.Range("fleet.retireRate", f.RetireRate, 0, 365);
            c.Range("fleet.mustRun", f.MustRun, 0, 1);
            c.Range("fleet.ordered0", f.Ordered0, 0, 1e9);
            c.Range("fleet.shipping0", f.Shipping0, 0, 1e9);
        }

        for (int i = 0; i < s.Events.Count; i++)
        {
            if (s.Events[i] is not { } e)
            {
                c.Fail($"events[{i}]", "is null; an event needs date, shareOff and daysBack");
                continue;
            }

            c.Range($"events[{i}].shareOff", e.ShareOff, 0, 1);
            c.Range($"events[{i}].daysBack", e.DaysBack, 1, 36_500);
            if (s.StartDate is null) c.Fail("startDate", "is missing; events are dated, so the scenario needs a start date");
        }

        if (s.Cohorts.Count == 0)
        {
            c.Fail("cohorts", "is empty; at least one cohort is needed");
        }

        for (int i = 0; i < s.Cohorts.Count; i++)
        {
            CheckCohort(c, $"cohorts[{i}]", s.Cohorts[i]);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < s.Cohorts.Count; i++)
        {
            if (!names.Add(s.Cohorts[i].Name))
            {
                c.Fail($"cohorts[{i}].name", $"'{s.Cohorts[i].Name}' is used by an earlier cohort; names must be unique");
            }
        }
    }

    private static void CheckPrice(Checker c, PriceSpec p)
    {
        c.OneOf("price.model", p.Model, "gbm", "regime", "bootstrap", "replay");
        c.Range("price.p0", p.P0, 1e-9, 1e12, lowOpen: true);
        c.Range("price.mu", p.Mu, -10, 10);
        c.Range("price.sigma", p.Sigma, 0, 10);
        c.Range("price.lambdaJ", p.LambdaJ, 0, 365);
        c.Range("price.muJ", p.MuJ, -5, 5);
        c.Range("price.sigmaJ", p.SigmaJ, 0, 5);
        c.Range("price.gamma", p.Gamma, 0, 100);
        c.Range("price.liquidity", p.Liquidity, 1e-9, 1e12, lowOpen: true);
        switch (p.Model)
        {
            case "regime" when p.Regime is null:
                c.Fail("price.regime", "is missing; model 'regime' needs bullMu, bullSigma, bearMu, bearSigma, pBullToBear, pBearToBull");
                break;
            case "regime":
                var r = p.Regime!;
                c.Range("price.regime.bullMu", r.BullMu, -10, 10);
                c.Range("price.regime.bullSigma", r.BullSigma, 0, 10);
                c.Range("price.regime.bearMu", r.BearMu, -10, 10);
                c.Range("price.regime.bearSigma", r.BearSigma, 0, 10);
                c.Range("price.regime.pBullToBear", r.PBullToBear, 0, 1);
                c.Range("price.regime.pBearToBull", r.PBearToBull, 0, 1);
                if (r.PStartBull is double ps) c.Range("price.regime.pStartBull", ps, 0, 1);
                if (r.PBullToBear + r.PBearToBull <= 0 && r.PStartBull is null)
                {
                    c.Fail("price.regime.pStartBull", "is needed when both switching probabilities are 0 (no stationary share)");
                }

                break;
            case "bootstrap" when p.Bootstrap is null:
                c.Fail("price.bootstrap", "is missing; model 'bootstrap' needs file and blockDays");
                break;
            case "bootstrap":
                c.NotEmpty("price.bootstrap.file", p.Bootstrap!.File);
                c.Range("price.bootstrap.blockDays", p.Bootstrap.BlockDays, 1, 3650);
                break;
            case "replay" when p.Replay is null:
                c.Fail("price.replay", "is missing; model 'replay' needs file (and the scenario a startDate)");
                break;
            case "replay":
                c.NotEmpty("price.replay.file", p.Replay!.File);
                break;
        }
    }

    private static void CheckCohort(Checker c, string at, CohortSpec k)
    {
        c.NotEmpty(at + ".name", k.Name);
        c.Range(at + ".k0", k.K0, 0, 1e9);
        if (k.Tiers.Count == 0)
        {
            c.Fail(at + ".tiers", "is empty; at least one tier is needed");
        }

        double sum = 0;
        for (int j = 0; j < k.Tiers.Count; j++)
        {
            c.Range($"{at}.tiers[{j}].weight", k.Tiers[j].Weight, 0, 1);
            c.Range($"{at}.tiers[{j}].efficiency", k.Tiers[j].Efficiency, 1e-6, 1e6, lowOpen: true);
            sum += k.Tiers[j].Weight;
        }

        if (Math.Abs(sum - 1) > 1e-9)
        {
            c.Fail(at + ".tiers", $"weights sum to {Fmt(sum)}, not 1");
        }

        c.Range(at + ".pMedian", k.PMedian, 0, 100);
        c.Range(at + ".pSigma", k.PSigma, 0, 5);
        c.Range(at + ".pSpread", k.PSpread, 0, 5);
        c.Range(at + ".opex", k.Opex, 0, 1e9);
        c.Range(at + ".capex", k.Capex, 0, 1e9);
        c.Range(at + ".financing", k.Financing, 0, 1e12);
        c.Range(at + ".hpc", k.Hpc, 0, 1e12);
        c.Range(at + ".i0", k.I0, 0, 21e6);
        c.Range(at + ".funding", k.Funding, 0, 1e12);
        c.Range(at + ".phiCalm.lo", k.PhiCalm.Lo, 0, 1);
        c.Range(at + ".phiCalm.hi", k.PhiCalm.Hi, k.PhiCalm.Lo, 1);
        c.Range(at + ".phiNear", k.PhiNear, 0, 1);
        c.Range(at + ".growth", k.Growth, 0, 100);
        c.Range(at + ".decay", k.Decay, 0, 365);
        c.Range(at + ".rhoCalm", k.RhoCalm, 1, 100);
        c.Range(at + ".rhoSevere", k.RhoSevere, 0, 1);
        c.Range(at + ".rhoCapital", k.RhoCapital, 0, 100);
        c.Range(at + ".qStress", k.QStress, 0, 1);
        c.Range(at + ".daysStress", k.DaysStress, 1, 36_500);
        c.Range(at + ".qSevere", k.QSevere, 0, 1);
        c.Range(at + ".daysSevere", k.DaysSevere, 1, 36_500);
    }

    private static string Fmt(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    private sealed class Checker(string source)
    {
        public void Fail(string field, string what) => throw new ScenarioException($"{source}: {field}: {what}");

        public void Range(string field, double v, double lo, double hi, bool lowOpen = false, bool highOpen = false)
        {
            bool ok = !double.IsNaN(v) && (lowOpen ? v > lo : v >= lo) && (highOpen ? v < hi : v <= hi);
            if (!ok)
            {
                Fail(field, $"{Fmt(v)} is not in {(lowOpen ? '(' : '[')}{Fmt(lo)}, {Fmt(hi)}{(highOpen ? ')' : ']')}");
            }
        }

        public void NotEmpty(string field, string? v)
        {
            if (string.IsNullOrWhiteSpace(v)) Fail(field, "is empty");
        }

        public void OneOf(string field, string v, params string[] allowed)
        {
            if (Array.IndexOf(allowed, v) < 0) Fail(field, $"'{v}' is not one of {string.Join(", ", allowed)}");
        }
    }
}
