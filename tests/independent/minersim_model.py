#!/usr/bin/env python3
"""Independent pure-Python implementation of the MinerSim reference model.

Written from src/MinerSim/MODEL.md (sections 2-5 and 9; v2: section 10.1, the `replay`
price model, the optional `network.epochDays0` of sections 2 and 10.2, sections 11.1-11.3,
fleet dynamics, 11.5, events, and 11.6, the must-run share) alone, without reading the C#
kernel, so that agreement with the engine is evidence that both implement the
specification. Standard library only (no numpy). Price models: gbm and replay (others,
e.g. regime and bootstrap, are refused). The backtest (10.2-10.3) and the pipeline
spin-up of 11.4 are not implemented: this runs a single scenario.

Usage:
    python3 tests/independent/minersim_model.py --scenario samples/scenarios/reference.json \
        --paths 2000 --seed 1 --days 365 --out DIR [--workers 2]

Writes into DIR:
    percentiles.csv  metric,day,p1,p5,p25,p50,p75,p95,p99,mean          (engine format)
    summary.csv      metric,p1,p5,p25,p50,p75,p95,p99,mean,es95,es99   (engine format)
    moments.csv      metric,day,n,mean,sd   (day empty for per-path summaries)
    samples.csv      metric,day,n,values    (sorted sample, ';'-separated, for the
                     days in --sample-days and for every summary; used by compare.py
                     to build order-statistic bands)
"""

import argparse
import csv
import datetime
import json
import math
import multiprocessing
import os
import random
import sys
import time

DAILY_METRICS = [
    "price",
    "hashrate",
    "difficulty_hashrate",
    "hashprice",
    "miner_sales",
    "visible_pressure",
    "miner_inventory",
    "etf_flow",
    "active_share",
    "ribbon_inverted",
]
SUMMARY_METRICS = [
    "total_sold",
    "max_sales_30d",
    "min_hashrate_ratio",
    "days_below_aisc",
    "inventory_drawdown",
]
# Expected-shortfall direction: True = the worst paths are the largest values.
SUMMARY_WORST_IS_LARGE = {
    "total_sold": True,
    "max_sales_30d": True,
    "min_hashrate_ratio": False,
    "days_below_aisc": True,
    "inventory_drawdown": True,
}
LEVELS = [0.01, 0.05, 0.25, 0.50, 0.75, 0.95, 0.99]
LEVEL_NAMES = ["p1", "p5", "p25", "p50", "p75", "p95", "p99"]


# ----------------------------------------------------------------------------------
# Scenario loading
# ----------------------------------------------------------------------------------

def strip_json_comments(text):
    """Remove // line comments and /* */ block comments outside string literals."""
    out = []
    i, n = 0, len(text)
    in_str = False
    while i < n:
        ch = text[i]
        if in_str:
            out.append(ch)
            if ch == "\\" and i + 1 < n:
                out.append(text[i + 1])
                i += 2
                continue
            if ch == '"':
                in_str = False
            i += 1
            continue
        if ch == '"':
            in_str = True
            out.append(ch)
            i += 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


# MODEL.md section 11 table: field -> (default or None if required, lo, hi, lo inclusive)
FLEET_FIELDS = {
    "newEfficiency": (None, 0.0, 1000.0, False),
    "newPowerPrice": (0.05, 0.0, 1.0, True),
    "machinePrice": (1.0, 0.0, 100.0, False),
    "reinvest": (0.0, 0.0, 10.0, True),
    "reinvestSigma": (0.0, 0.0, 3.0, True),
    "capacitySigma": (0.0, 0.0, 3.0, True),
    "capacityDays": (42.0, 1.0, 3650.0, True),
    "maxPayback": (730.0, 1.0, 3650.0, True),
    "deliveryDays": (180.0, 2.0, 3650.0, True),
    "retireRate": (0.0, 0.0, 365.0, True),
    "maxOrdersMw": (1e9, 0.0, 1e9, True),
    "mustRun": (0.0, 0.0, 1.0, True),
    "ordered0": (0.0, 0.0, 1e9, True),
    "shipping0": (0.0, 0.0, 1e9, True),
}


def parse_fleet(block):
    """The optional `fleet` block (MODEL.md section 11) with its defaults, range-checked."""
    if not isinstance(block, dict):
        raise SystemExit("scenario field 'fleet' must be an object")
    unknown = sorted(set(block) - set(FLEET_FIELDS))
    if unknown:
        raise SystemExit(f"unknown field(s) in 'fleet': {', '.join(unknown)}")
    out = {}
    for name, (default, lo, hi, lo_incl) in FLEET_FIELDS.items():
        if name in block:
            v = float(block[name])
        elif default is None:
            raise SystemExit(f"fleet.{name} is required")
        else:
            v = default
        if not (math.isfinite(v) and (v >= lo if lo_incl else v > lo) and v <= hi):
            raise SystemExit(f"fleet.{name} = {v} outside {'[' if lo_incl else '('}{lo:g}, {hi:g}]")
        out[name] = v
    return out


def parse_date(value, what):
    try:
        return datetime.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise SystemExit(f"{what} {value!r} is not a yyyy-mm-dd date")


def parse_events(sc):
    """MODEL.md 11.5: the scenario list `events` of {date, shareOff, daysBack, name}.

    Returns a list of (t_e, shareOff, daysBack), t_e = date - startDate in days (may be
    negative)."""
    evs = sc.get("events")
    if evs is None:
        return []
    if not isinstance(evs, list):
        raise SystemExit("scenario field 'events' must be a list")
    if not evs:
        return []
    if not sc.get("startDate"):
        raise SystemExit("scenario 'events' need the scenario's startDate")
    start = parse_date(sc["startDate"], "startDate")
    out = []
    for i, e in enumerate(evs):
        if not isinstance(e, dict):
            raise SystemExit(f"events[{i}] must be an object")
        unknown = sorted(set(e) - {"date", "shareOff", "daysBack", "name"})
        if unknown:
            raise SystemExit(f"unknown field(s) in events[{i}]: {', '.join(unknown)}")
        for f in ("date", "shareOff", "daysBack"):
            if f not in e:
                raise SystemExit(f"events[{i}].{f} is required")
        te = (parse_date(e["date"], f"events[{i}].date") - start).days
        share = float(e["shareOff"])
        back = float(e["daysBack"])
        if not (math.isfinite(share) and 0.0 <= share <= 1.0):
            raise SystemExit(f"events[{i}].shareOff = {share} outside [0, 1]")
        if not (math.isfinite(back) and back > 0.0):
            raise SystemExit(f"events[{i}].daysBack = {back} must be > 0")
        out.append((te, share, back))
    return out


def online_share(events, days):
    """MODEL.md 11.5: online(t) = 1 - min(1, sum_e shareOff_e (1 - (t - t_e)/daysBack_e))
    over the events with 0 <= t - t_e < daysBack_e; None when there are no events."""
    if not events:
        return None
    out = []
    for t in range(days):
        f = 0.0
        for te, share, back in events:
            dt = t - te
            if 0 <= dt < back:
                f += share * (1.0 - dt / back)
        out.append(1.0 - min(1.0, f))
    return out


def load_scenario(path):
    with open(path, "r", encoding="utf-8") as f:
        sc = json.loads(strip_json_comments(f.read()))
    model = sc.get("price", {}).get("model", "gbm")
    if model not in ("gbm", "replay"):
        raise SystemExit(f"only the MODEL.md price models (gbm, replay: sections 4 and 10.1) are "
                         f"implemented, got {model!r}")
    if model == "replay":
        rp = sc["price"].get("replay")
        if not isinstance(rp, dict) or not rp.get("file"):
            raise SystemExit("price model 'replay' needs price.replay.file (a date,close CSV)")
        if not sc.get("startDate"):
            raise SystemExit("price model 'replay' needs the scenario's startDate")
        sc["_replayFile"] = os.path.join(os.path.dirname(os.path.abspath(path)), rp["file"])
    if "fleet" in sc and sc["fleet"] is not None:
        sc["_fleet"] = parse_fleet(sc["fleet"])
    sc["_events"] = parse_events(sc)
    ed0 = sc.get("network", {}).get("epochDays0")
    if ed0 is not None:
        ed0 = float(ed0)
        if not (math.isfinite(ed0) and ed0 >= 0.0):
            raise SystemExit(f"network.epochDays0 = {ed0} must be a number >= 0")
    return sc


def replay_prices(sc, days):
    """MODEL.md 10.1: day t's price is close(startDate + t), t = 0 .. days-1."""
    fn = sc["_replayFile"]
    closes = {}
    with open(fn, "r", encoding="utf-8", newline="") as f:
        rd = csv.reader(f)
        header = next(rd, None)
        if header is None or [h.strip().lower() for h in header[:2]] != ["date", "close"]:
            raise SystemExit(f"{fn}: expected a 'date,close' header")
        for row in rd:
            if not row or not row[0].strip():
                continue
            closes[datetime.date.fromisoformat(row[0].strip())] = float(row[1])
    start = parse_date(sc["startDate"], "startDate")
    out = []
    for t in range(days):
        d = start + datetime.timedelta(days=t)
        if d not in closes:
            raise SystemExit(f"{fn}: no close for {d.isoformat()} (replay day {t} of {days} "
                             f"from startDate {start.isoformat()})")
        v = closes[d]
        if not (v > 0.0 and math.isfinite(v)):
            raise SystemExit(f"{fn}: close {v} on {d.isoformat()} is not a positive number")
        out.append(v)
    return out


def pipeline_step(Q1, Q2, order, k):
    """MODEL.md 11.3.2: one day of the two-stage (Erlang-2) delivery delay, k = 2 / L.

    Returns (Q1, Q2, delivered)."""
    delta = k * Q2
    moved = k * Q1
    return Q1 + order - moved, Q2 + moved - delta, delta


# ----------------------------------------------------------------------------------
# One path (MODEL.md sections 2-5)
# ----------------------------------------------------------------------------------

SQRT2 = math.sqrt(2.0)
INV_SQRT2 = 1.0 / SQRT2


def simulate_chunk(args):
    """Simulate paths [start, stop). Returns (daily columns, summary columns).

    daily[m][t] is a list of values for the chunk's paths, summary[m] likewise.
    """
    sc, days, seed, start, stop = args
    erfc = math.erfc
    log = math.log
    exp = math.exp
    inf = float("inf")

    pr = sc["price"]
    # MODEL.md 10.1: under `replay` every path takes the recorded closes (p0, mu, sigma,
    # gamma unused); the day's draws are still those of gbm.
    replay = sc.get("_replayPrices")
    if replay is not None and len(replay) < days:
        raise ValueError("replay prices shorter than the horizon")
    if replay is None:
        P0 = float(pr["p0"])
        mu = float(pr["mu"])
        sigma = float(pr["sigma"])
    else:
        P0 = replay[0]
        mu = float(pr.get("mu", 0.0))
        sigma = float(pr.get("sigma", 0.0))
    lamJ = float(pr.get("lambdaJ", 0.0))
    muJ = float(pr.get("muJ", 0.0))
    sigJ = float(pr.get("sigmaJ", 0.0))
    gamma = float(pr.get("gamma", 0.0))
    L = float(pr.get("liquidity", 1.0))
    kappa = lamJ * (exp(muJ + sigJ * sigJ / 2.0) - 1.0)
    drift = (mu - sigma * sigma / 2.0 - kappa) / 365.0
    vol = sigma / math.sqrt(365.0)
    pjump = lamJ / 365.0
    gL = gamma / L if gamma != 0.0 else 0.0
    if replay is not None:
        gL = 0.0

    fe = sc["fees"]
    feeMed = float(fe["median"])
    feeSig = float(fe["sigma"])

    nw = sc["network"]
    HD0 = float(nw["hd0"])
    height0 = float(nw["height0"])
    # sections 2 and 10.2: days the current epoch has run at day 0 (default epochBlocks / 144)
    epochDays0 = nw.get("epochDays0")
    if epochDays0 is not None:
        epochDays0 = float(epochDays0)
    # section 5: the network's hashrate on the days before day 0 (oldest first); the last 59 are used
    hhist = [float(x) for x in (nw.get("hashrateHistory") or [])][-59:]

    mk = sc["market"]
    theta = float(mk["theta"])
    otcDays = float(mk["otcDays"])
    muE = float(mk["muE"])
    sigE = float(mk["sigmaE"])
    phiE = float(mk["phiE"])
    rhoEP = float(mk["rhoEP"])
    eInnov = sigE * math.sqrt(1.0 - phiE * phiE)
    rhoEPc = math.sqrt(1.0 - rhoEP * rhoEP)

    cohorts = sc["cohorts"]
    nc = len(cohorts)
    # static per-cohort parameters
    cw = []      # tier weights
    ce = []      # tier efficiencies
    cs = []      # spread s
    for c in cohorts:
        tiers = c["tiers"]
        cw.append([float(t["weight"]) for t in tiers])
        ce.append([float(t["efficiency"]) for t in tiers])
        cs.append(float(c["pSpread"]))
    pMed = [float(c["pMedian"]) for c in cohorts]
    pSig = [float(c["pSigma"]) for c in cohorts]
    opex = [float(c["opex"]) for c in cohorts]
    capex = [float(c["capex"]) for c in cohorts]
    fin = [float(c["financing"]) for c in cohorts]
    hpc = [float(c["hpc"]) for c in cohorts]
    I0 = [float(c["i0"]) for c in cohorts]
    K0 = [float(c["k0"]) for c in cohorts]
    funding = [float(c["funding"]) for c in cohorts]
    phiLo = [float(c["phiCalm"]["lo"]) for c in cohorts]
    phiHi = [float(c["phiCalm"]["hi"]) for c in cohorts]
    phiNear = [float(c["phiNear"]) for c in cohorts]
    gUp = [1.0 + float(c["growth"]) / 365.0 for c in cohorts]
    gDown = [1.0 - float(c["decay"]) / 365.0 for c in cohorts]
    rhoCalm = [float(c["rhoCalm"]) for c in cohorts]
    rhoSevere = [float(c["rhoSevere"]) for c in cohorts]
    rhoCapital = [float(c["rhoCapital"]) for c in cohorts]
    stressRate = [float(c["qStress"]) / float(c["daysStress"]) * float(c["i0"]) for c in cohorts]
    stressCap = [float(c["qStress"]) * float(c["i0"]) for c in cohorts]
    severeRate = [float(c["qSevere"]) / float(c["daysSevere"]) * float(c["i0"]) for c in cohorts]
    severeCap = [float(c["qSevere"]) * float(c["i0"]) for c in cohorts]
    sumI0 = sum(I0)
    crange = range(nc)

    # MODEL.md section 11: fleet dynamics (replaces step 10 when the block is present)
    fl = sc.get("_fleet")
    fleet = fl is not None
    if fleet:
        eN = fl["newEfficiency"]
        uN = 24000.0 * eN * fl["newPowerPrice"]          # power cost of 1 EH/s of new machines
        Mn = fl["machinePrice"] * eN * 1e6                # price of 1 EH/s of new machines
        betaMed = fl["reinvest"]
        betaSig = fl["reinvestSigma"]
        Ocap = fl["maxOrdersMw"] / eN                     # 11.3.1: Gmax / eN, EH/s a day
        mustRun = fl["mustRun"]                           # 11.6
        mrun = mustRun > 0.0
        mfree = 1.0 - mustRun
        PBmax = fl["maxPayback"]
        kDel = 2.0 / fl["deliveryDays"]
        rr365 = fl["retireRate"] / 365.0
        kapSig = fl["capacitySigma"]                      # 11.1: drift of the installed base
        kapDays = fl["capacityDays"]
        Q1init = fl["ordered0"]
        Q2init = fl["shipping0"]
        sumK0 = sum(K0)
        share = [k / sumK0 for k in K0] if sumK0 > 0.0 else [1.0 / nc] * nc
    else:
        mrun = False

    # MODEL.md 11.5: the day's online share (None without events)
    online = sc.get("_online")
    if online is not None and len(online) < days:
        raise ValueError("online shares shorter than the horizon")

    npaths = stop - start
    daily = {m: [[0.0] * npaths for _ in range(days)] for m in DAILY_METRICS}
    summ = {m: [0.0] * npaths for m in SUMMARY_METRICS}
    d_price = daily["price"]
    d_hash = daily["hashrate"]
    d_hd = daily["difficulty_hashrate"]
    d_hp = daily["hashprice"]
    d_sales = daily["miner_sales"]
    d_vis = daily["visible_pressure"]
    d_inv = daily["miner_inventory"]
    d_etf = daily["etf_flow"]
    d_act = daily["active_share"]
    d_rib = daily["ribbon_inverted"]

    for j in range(npaths):
        path = start + j
        rng = random.Random(f"minersim-independent:{seed}:{path}")
        gauss = rng.gauss
        uni = rng.random

        # ---- state (section 2) ----
        P = P0
        HD = HD0
        height = height0
        epochBlocks = math.fmod(height0, 2016.0)
        epochDays = epochBlocks / 144.0 if epochDays0 is None else epochDays0
        K = K0[:]
        I = I0[:]
        Lq = [0.0] * nc
        O = 0.0
        Eprev = muE + sigE * gauss(0.0, 1.0)
        Vprev = 0.0

        # ---- per-path behaviour draws (section 3) ----
        # Per tier precomputation: for the on-share Phi(z) with z = (ln hp - ln u)/s we
        # use Phi(z) = erfc(-z/sqrt2)/2, so keep a = 1/(s sqrt2), ln u, and the power
        # cost scale u*exp(s^2/2)/2 and the shift s/sqrt2.
        tier_params = []  # per cohort: list of (w, lnu, u_w_half, a, shift) or s==0 variant
        newv = [None] * nc  # per cohort: (lnu, u_half, a, shift, u) of the new vintage (fleet)
        phiCalm = [0.0] * nc
        for c in crange:
            pc = pMed[c] * exp(pSig[c] * gauss(0.0, 1.0))
            phiCalm[c] = phiLo[c] + (phiHi[c] - phiLo[c]) * uni()
            s = cs[c]
            tl = []
            for w, e in zip(cw[c], ce[c]):
                u = 24000.0 * e * pc
                if s > 0.0:
                    tl.append((w, log(u), w * u * exp(s * s / 2.0) * 0.5, 1.0 / (s * SQRT2), s * INV_SQRT2, u))
                else:
                    tl.append((w, log(u), 0.0, 0.0, 0.0, u))
            tier_params.append((s > 0.0, tl))
            if fleet:
                # the new vintage (11.2): a one-tier fleet at eN with the cohort's power prices
                u = 24000.0 * eN * pc
                if s > 0.0:
                    newv[c] = (log(u), u * exp(s * s / 2.0) * 0.5, 1.0 / (s * SQRT2), s * INV_SQRT2, u)
                else:
                    newv[c] = (log(u), 0.0, 0.0, 0.0, u)

        if fleet:
            # 11.1: the investment intensity iota. Drawn from a second stream of the same
            # (seed, path), so the main stream (prices, fees, ETF) is the one a run without
            # `fleet` uses.
            frng = random.Random(f"minersim-independent:{seed}:{path}:fleet")
            iota = exp(betaSig * frng.gauss(0.0, 1.0))
            # 11.1: the drift kappa = exp(sigmaK Z'); K[c] moves by kappa^(1/tauK) on days t <= tauK - 1
            kapStep = exp(kapSig * frng.gauss(0.0, 1.0) / kapDays)
            Kn = [0.0] * nc
            onT = [0.0] * nc    # the day's sum_k w[c][k] on[c][k]
            onN = [0.0] * nc    # the day's onN[c]
            Q1 = Q1init
            Q2 = Q2init

        # ribbon: H history padded with day-0 H (sum of last 30 vs the 30 before)
        Hhist = []
        sumA = 0.0  # sum H over days t-29..t
        sumB = 0.0  # sum H over days t-59..t-30
        H0 = 0.0

        total_sold = 0.0
        Shist = []
        minH = inf
        below = 0

        A = [0.0] * nc
        Q = [0.0] * nc

        for t in range(days):
            # 1. price
            Zp = gauss(0.0, 1.0)
            if t > 0:
                r = drift + vol * Zp - gL * Vprev
                if uni() < pjump:
                    r += gauss(muJ, sigJ)
                if replay is None:
                    P *= exp(r)
                else:
                    # 10.1: same draws as gbm (so fees and ETF flows match it), price recorded
                    P = replay[t]
            # 2. fees
            fee = feeMed * exp(feeSig * gauss(0.0, 1.0))
            # 3. reward per block
            R = 50.0 / (2.0 ** math.floor(height / 210000.0)) + fee
            # 4. hashprice (USD per EH/s per day)
            hp = 144.0 * R * P / HD
            lhp = log(hp)

            # 5. machines on/off; 6. production; 7. costs
            H = 0.0
            sumK = 0.0
            sumQ = 0.0
            sumN = 0.0
            S = 0.0
            RperHD = 144.0 * R / HD
            for c in crange:
                has_s, tl = tier_params[c]
                on_w = 0.0
                pw_w = 0.0
                if mrun:
                    # 11.6: a share mu of every tier runs whatever the hashprice, paying
                    # its sites' mean power cost
                    if has_s:
                        for w, lnu, uwh, a, shift, _u in tl:
                            x = (lhp - lnu) * a
                            on_w += w * (mustRun + mfree * 0.5 * erfc(-x))
                            pw_w += uwh * (2.0 * mustRun + mfree * erfc(shift - x))
                    else:
                        for w, lnu, uwh, a, shift, u in tl:
                            onk = mustRun + mfree if hp >= u else mustRun
                            on_w += w * onk
                            pw_w += w * u * onk
                elif has_s:
                    for w, lnu, uwh, a, shift, _u in tl:
                        x = (lhp - lnu) * a
                        on_w += w * 0.5 * erfc(-x)
                        pw_w += uwh * erfc(shift - x)
                else:
                    for w, lnu, uwh, a, shift, u in tl:
                        if hp >= u:
                            on_w += w
                            pw_w += w * u
                Kc = K[c]
                if fleet:
                    # 11.2: the new vintage beside the tiers
                    lnu, uh, a, shift, u = newv[c]
                    if has_s:
                        x = (lhp - lnu) * a
                        if mrun:
                            onn = mustRun + mfree * 0.5 * erfc(-x)
                            pwn = uh * (2.0 * mustRun + mfree * erfc(shift - x))
                        else:
                            onn = 0.5 * erfc(-x)
                            pwn = uh * erfc(shift - x)
                    else:
                        onn = (mustRun + mfree if hp >= u else mustRun) if mrun else \
                            (1.0 if hp >= u else 0.0)
                        pwn = u * onn
                    # orders and retirement (11.3) use the on-shares before events (11.5)
                    onT[c] = on_w
                    onN[c] = onn
                    Knc = Kn[c]
                    Kall = Kc + Knc
                    sumK += Kall
                    Ac = Kc * on_w + Knc * onn
                    pwr = Kc * pw_w + Knc * pwn
                    if online is not None:
                        # 11.5: the events' forced-off share of the running machines
                        Ac *= online[t]
                        pwr *= online[t]
                    H += Ac
                    Qc = RperHD * Ac
                    sumQ += Qc
                    C1 = pwr + opex[c] * Kall
                    C2 = capex[c] * Kall
                else:
                    sumK += Kc
                    Ac = Kc * on_w
                    pwr = Kc * pw_w
                    if online is not None:
                        # 11.5 (applies with or without a fleet)
                        Ac *= online[t]
                        pwr *= online[t]
                    H += Ac
                    Qc = RperHD * Ac
                    sumQ += Qc
                    C1 = pwr + opex[c] * Kc
                    C2 = capex[c] * Kc
                C3 = fin[c]
                N = C1 + C2 + C3 - hpc[c]
                sumN += N
                if N <= 0.0:
                    rho = inf
                elif Qc == 0.0:
                    rho = 0.0
                else:
                    rho = P * Qc / N
                # 8. behaviour regime
                if rho >= rhoCalm[c]:
                    phi = phiCalm[c]
                    inv_rate = 0.0
                    Lq[c] = 0.0
                elif rho >= 1.0:
                    phi = phiNear[c]
                    inv_rate = 0.0
                    Lq[c] = 0.0
                elif rho >= rhoSevere[c]:
                    phi = 1.0
                    room = stressCap[c] - Lq[c]
                    if room < 0.0:
                        room = 0.0
                    inv_rate = stressRate[c] if stressRate[c] < room else room
                    Lq[c] += inv_rate
                else:
                    phi = 1.0
                    room = severeCap[c] - Lq[c]
                    if room < 0.0:
                        room = 0.0
                    inv_rate = severeRate[c] if severeRate[c] < room else room
                    Lq[c] += inv_rate
                G = phi * Qc + inv_rate
                # 9. mandatory sales
                X = funding[c] if rho >= rhoCapital[c] else 0.0
                short = C1 + C3 - hpc[c] - X
                M = short / P if short > 0.0 else 0.0
                want = G if G > M else M
                avail = I[c] + Qc
                Sc = avail if avail < want else want
                I[c] = avail - Sc
                S += Sc
                # 10. capacity (v1.1; replaced by 11.3 under `fleet`)
                if fleet:
                    pass
                elif rho >= rhoCalm[c]:
                    K[c] = Kc * gUp[c]
                elif rho < 1.0:
                    K[c] = Kc * gDown[c]
            if fleet:
                # 11.3.1 payback and orders, from the day's hp (step 4):
                # O = iota * min(Gmax / eN, beta * Rv * max(0, 1 - PB / PBmax) / M)
                if hp > uN:
                    PB = Mn / (hp - uN)
                    f = 1.0 - PB / PBmax
                    want = betaMed * (144.0 * R * P) * f / Mn if f > 0.0 else 0.0
                    order = iota * (want if want < Ocap else Ocap)
                else:
                    order = 0.0
                # 11.3.2 delivery (Erlang-2); delivered capacity runs from the next day
                Q1, Q2, delta = pipeline_step(Q1, Q2, order, kDel)
                # 11.3.3 retirement of switched-off capacity (the day's on shares)
                drift = t + 1 <= kapDays
                for c in crange:
                    Kn[c] += delta * share[c]
                    if rr365 != 0.0:
                        K[c] *= 1.0 - rr365 * (1.0 - onT[c])
                        Kn[c] *= 1.0 - rr365 * (1.0 - onN[c])
                    if drift:
                        K[c] *= kapStep
            B = 144.0 * H / HD

            # 11. execution
            if t == 0:
                O = theta * S * (otcDays - 1.0)
            O += theta * S
            release = O / otcDays
            O -= release
            V = (1.0 - theta) * S + release
            Vprev = V

            # 12. ETF flows
            Ze = rhoEP * Zp + rhoEPc * gauss(0.0, 1.0)
            E = muE + phiE * (Eprev - muE) + eInnov * Ze
            Eprev = E

            # 13. difficulty
            epochBlocks += B
            epochDays += 1.0
            while epochBlocks >= 2016.0:
                need = 2016.0 - (epochBlocks - B)
                frac = need / B
                span = (epochDays - 1.0 + frac) * 86400.0 * 2015.0 / 2016.0
                if span < 302400.0:
                    span = 302400.0
                elif span > 4838400.0:
                    span = 4838400.0
                HD *= 1209600.0 / span
                epochBlocks -= 2016.0
                epochDays = 1.0 - frac

            # 14. height
            height += B

            # 15. record
            d_price[t][j] = P
            d_hash[t][j] = H
            d_hd[t][j] = HD
            d_hp[t][j] = hp / 1000.0
            d_sales[t][j] = S
            d_vis[t][j] = V
            d_inv[t][j] = sum(I)
            d_etf[t][j] = E
            d_act[t][j] = H / sumK if sumK > 0.0 else 0.0

            if t == 0:
                H0 = H
                if hhist:
                    # section 5: days before day 0 from network.hashrateHistory (last 59, the last is day -1),
                    # earlier days count as day 0's H
                    def before(d):
                        return hhist[len(hhist) + d] if d >= -len(hhist) else H0
                    sumA = math.fsum(before(d) for d in range(-30, 0))
                    sumB = math.fsum(before(d) for d in range(-60, -30))
                else:
                    sumA = 30.0 * H0
                    sumB = 30.0 * H0
            # slide: sumA gains H_t, loses H_{t-30}; sumB gains H_{t-30}, loses H_{t-60}
            if hhist:
                Hm30 = Hhist[t - 30] if t >= 30 else before(t - 30)
                Hm60 = Hhist[t - 60] if t >= 60 else before(t - 60)
            else:
                Hm30 = Hhist[t - 30] if t >= 30 else H0
                Hm60 = Hhist[t - 60] if t >= 60 else H0
            Hhist.append(H)
            sumA += H - Hm30
            sumB += Hm30 - Hm60
            # SMA30 < SMA60  <=>  sumA/30 < (sumA+sumB)/60  <=>  sumA < sumB
            d_rib[t][j] = 1.0 if sumA < sumB else 0.0

            total_sold += S
            Shist.append(S)
            if H < minH:
                minH = H
            if P * sumQ < sumN:
                below += 1

        # per-path summaries
        summ["total_sold"][j] = total_sold
        if days >= 30:
            w = math.fsum(Shist[:30])
            best = w
            for t in range(30, days):
                w += Shist[t] - Shist[t - 30]
                if w > best:
                    best = w
            summ["max_sales_30d"][j] = best / 30.0
        else:
            summ["max_sales_30d"][j] = float("nan")
        summ["min_hashrate_ratio"][j] = minH / HD0
        summ["days_below_aisc"][j] = float(below)
        summ["inventory_drawdown"][j] = 1.0 - sum(I) / sumI0 if sumI0 > 0 else 0.0

    return daily, summ


# ----------------------------------------------------------------------------------
# Aggregation
# ----------------------------------------------------------------------------------

def quantile7(xs_sorted, q):
    """numpy 'linear' (Hyndman-Fan type 7) quantile of a sorted list."""
    n = len(xs_sorted)
    if n == 1:
        return xs_sorted[0]
    h = (n - 1) * q
    lo = int(math.floor(h))
    if lo >= n - 1:
        return xs_sorted[-1]
    g = h - lo
    a = xs_sorted[lo]
    b = xs_sorted[lo + 1]
    return a + g * (b - a)


def mean_sd(xs):
    n = len(xs)
    m = math.fsum(xs) / n
    if n < 2:
        return m, 0.0
    v = math.fsum((x - m) * (x - m) for x in xs) / (n - 1)
    return m, math.sqrt(v)


def fmt(x):
    return repr(float(x))


def run(scenario_path, paths, seed, days, out, workers, sample_days):
    sc = load_scenario(scenario_path)
    if days is None:
        days = int(sc.get("days", 365))
    if "_replayFile" in sc:
        sc["_replayPrices"] = replay_prices(sc, days)
    sc["_online"] = online_share(sc["_events"], days)
    os.makedirs(out, exist_ok=True)
    t0 = time.perf_counter()

    workers = max(1, min(workers, paths))
    bounds = [(paths * k) // workers for k in range(workers + 1)]
    jobs = [(sc, days, seed, bounds[k], bounds[k + 1]) for k in range(workers) if bounds[k + 1] > bounds[k]]
    if len(jobs) == 1:
        results = [simulate_chunk(jobs[0])]
    else:
        with multiprocessing.Pool(len(jobs)) as pool:
            results = pool.map(simulate_chunk, jobs)
    t_sim = time.perf_counter() - t0

    # merge chunks (in path order)
    daily = {m: [[] for _ in range(days)] for m in DAILY_METRICS}
    summ = {m: [] for m in SUMMARY_METRICS}
    for d, s in results:
        for m in DAILY_METRICS:
            dm = daily[m]
            for t in range(days):
                dm[t].extend(d[m][t])
        for m in SUMMARY_METRICS:
            summ[m].extend(s[m])
    del results

    sample_days = set(t for t in sample_days if 0 <= t < days)
    with open(os.path.join(out, "percentiles.csv"), "w", newline="") as fp, \
            open(os.path.join(out, "moments.csv"), "w", newline="") as fm, \
            open(os.path.join(out, "samples.csv"), "w", newline="") as fs:
        wp = csv.writer(fp, lineterminator="\n")
        wm = csv.writer(fm, lineterminator="\n")
        ws = csv.writer(fs, lineterminator="\n")
        wp.writerow(["metric", "day"] + LEVEL_NAMES + ["mean"])
        wm.writerow(["metric", "day", "n", "mean", "sd"])
        ws.writerow(["metric", "day", "n", "values"])
        for m in DAILY_METRICS:
            for t in range(days):
                xs = sorted(daily[m][t])
                mean, sd = mean_sd(xs)
                wp.writerow([m, t] + [fmt(quantile7(xs, q)) for q in LEVELS] + [fmt(mean)])
                wm.writerow([m, t, len(xs), fmt(mean), fmt(sd)])
                if t in sample_days:
                    ws.writerow([m, t, len(xs), ";".join(fmt(x) for x in xs)])

        with open(os.path.join(out, "summary.csv"), "w", newline="") as fsum:
            wsum = csv.writer(fsum, lineterminator="\n")
            wsum.writerow(["metric"] + LEVEL_NAMES + ["mean", "es95", "es99"])
            for m in SUMMARY_METRICS:
                xs = sorted(summ[m])
                n = len(xs)
                mean, sd = mean_sd(xs)
                k95 = int(math.ceil(0.05 * n - 1e-9))
                k99 = int(math.ceil(0.01 * n - 1e-9))
                if SUMMARY_WORST_IS_LARGE[m]:
                    es95 = math.fsum(xs[n - k95:]) / k95
                    es99 = math.fsum(xs[n - k99:]) / k99
                else:
                    es95 = math.fsum(xs[:k95]) / k95
                    es99 = math.fsum(xs[:k99]) / k99
                wsum.writerow([m] + [fmt(quantile7(xs, q)) for q in LEVELS] + [fmt(mean), fmt(es95), fmt(es99)])
                wm.writerow([m, "", n, fmt(mean), fmt(sd)])
                ws.writerow([m, "", n, ";".join(fmt(x) for x in xs)])
    t_all = time.perf_counter() - t0
    return t_sim, t_all


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scenario", required=True)
    ap.add_argument("--paths", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--days", type=int, default=None, help="horizon (default: the scenario's days)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                    help="processes (default: CPU count); results do not depend on it")
    ap.add_argument("--sample-days", default="0,30,90,180,364",
                    help="days whose full sorted sample goes to samples.csv")
    a = ap.parse_args(argv)
    sd = [int(x) for x in a.sample_days.split(",") if x.strip()]
    t_sim, t_all = run(a.scenario, a.paths, a.seed, a.days, a.out, a.workers, sd)
    print(f"minersim_model.py: {a.paths} paths x {a.days} days, {a.workers} worker(s): "
          f"simulate {t_sim:.1f} s, total {t_all:.1f} s -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
