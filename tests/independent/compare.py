#!/usr/bin/env python3
"""Statistical comparison of an engine run with a run of the independent Python model.

Usage:
    python3 tests/independent/compare.py DIR_ENGINE DIR_PY [--paths-engine N1] [--paths-py N2]
        [--days 0,30,90,180,364] [--k 4] [--max-fail 1]

DIR_ENGINE holds the engine's percentiles.csv and summary.csv; DIR_PY is the output
folder of minersim_model.py (percentiles.csv, summary.csv, moments.csv, samples.csv).

Checks, for the selected metrics and days and for the per-path summaries:
  * mean:   z = (mean_engine - mean_py) / (sd_py * sqrt(1/N1 + 1/N2)); pass if |z| <= k.
            (The engine's sd is approximated by the Python sample's sd.)
  * p5, p50, p95 (quantile q): order-statistic band. Under the null both samples come
            from one distribution F; the Python empirical CDF at the engine's q-quantile
            then differs from q by about sqrt(q(1-q)(1/N1 + 1/N2)) (engine and Python
            sampling error). The band is the Python sample between ranks
            (n-1)(q -/+ k*delta), delta = sqrt(q(1-q)(1/N1 + 1/N2)), rounded outward;
            pass if the engine's quantile lies in it.
  * es95, es99 of the summaries: z-test with the Python ES's bootstrap standard error,
            widened by sqrt(1 + N2/N1) for the engine's own error.
  * a degenerate metric (Python sd 0, e.g. price on day 0) must match to 1e-9 relative.
Exit 1 if more than --max-fail checks fail.
"""

import argparse
import csv
import math
import os
import random
import sys

DEFAULT_METRICS = [
    "miner_sales",
    "visible_pressure",
    "hashrate",
    "difficulty_hashrate",
    "hashprice",
    "price",
    "miner_inventory",
    "active_share",
    "etf_flow",
]
MEAN_ONLY_METRICS = ["ribbon_inverted"]
DEFAULT_SUMMARIES = ["total_sold", "max_sales_30d", "min_hashrate_ratio", "days_below_aisc", "inventory_drawdown"]
QUANTILE_CHECKS = [("p5", 0.05), ("p50", 0.50), ("p95", 0.95)]
# Expected-shortfall direction (MODEL.md section 5): True = worst paths are the largest.
ES_WORST_IS_LARGE = {"total_sold": True, "max_sales_30d": True, "min_hashrate_ratio": False,
                     "days_below_aisc": True, "inventory_drawdown": True}


def read_percentiles(path):
    out = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            out[(row["metric"], int(row["day"]))] = {k: float(v) for k, v in row.items() if k not in ("metric", "day")}
    return out


def read_summary(path):
    out = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            out[row["metric"]] = {k: float(v) for k, v in row.items() if k != "metric"}
    return out


def read_moments(path):
    out = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            day = int(row["day"]) if row["day"] != "" else None
            out[(row["metric"], day)] = (int(row["n"]), float(row["mean"]), float(row["sd"]))
    return out


def read_samples(path):
    csv.field_size_limit(2**31 - 1)
    out = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            day = int(row["day"]) if row["day"] != "" else None
            out[(row["metric"], day)] = [float(x) for x in row["values"].split(";")]
    return out


def close(a, b, rel=1e-9):
    return abs(a - b) <= rel * max(1.0, abs(a), abs(b))


def mean_check(name, day, e_mean, p_mean, sd, n1, n2, k):
    if sd == 0.0 or not math.isfinite(sd):
        ok = close(e_mean, p_mean)
        return (name, day, "mean", e_mean, p_mean, p_mean, p_mean, float("nan"), ok)
    se = sd * math.sqrt(1.0 / n1 + 1.0 / n2)
    z = (e_mean - p_mean) / se
    return (name, day, "mean", e_mean, p_mean, p_mean - k * se, p_mean + k * se, z, abs(z) <= k)


def quantile_check(name, day, label, q, e_val, p_val, sample, n1, k):
    n2 = len(sample)
    if sample[0] == sample[-1]:
        return (name, day, label, e_val, p_val, sample[0], sample[0], float("nan"), close(e_val, sample[0]))
    delta = k * math.sqrt(q * (1.0 - q) * (1.0 / n1 + 1.0 / n2))
    qlo = max(0.0, q - delta)
    qhi = min(1.0, q + delta)
    lo = sample[int(math.floor((n2 - 1) * qlo))]
    hi = sample[int(math.ceil((n2 - 1) * qhi))]
    # position of the engine's value in the Python empirical CDF, in units of delta/k
    below = sum(1 for x in sample if x < e_val)
    at = sum(1 for x in sample if x == e_val)
    F = (below + 0.5 * at) / n2
    z = (F - q) / (delta / k) if delta > 0 else float("nan")
    tol = 1e-12 * max(1.0, abs(lo), abs(hi))
    return (name, day, label, e_val, p_val, lo, hi, z, lo - tol <= e_val <= hi + tol)


def expected_shortfall(xs_sorted, tail, worst_is_large):
    n = len(xs_sorted)
    k = min(n, int(math.ceil(tail * n - 1e-9)))
    part = xs_sorted[n - k:] if worst_is_large else xs_sorted[:k]
    return math.fsum(part) / k


def es_check(name, label, tail, e_val, p_val, sample, n1, k, boot=200):
    """z-test of an expected shortfall; the Python ES's standard error by bootstrap
    (deterministic), scaled to the engine's sample size for the engine's own error."""
    n2 = len(sample)
    worst = ES_WORST_IS_LARGE[name]
    rng = random.Random(12345)
    reps = []
    for _ in range(boot):
        res = sorted(sample[int(rng.random() * n2)] for _ in range(n2))
        reps.append(expected_shortfall(res, tail, worst))
    m = math.fsum(reps) / boot
    se_p = math.sqrt(math.fsum((r - m) ** 2 for r in reps) / (boot - 1))
    if se_p == 0.0:
        return (name, "sum", label, e_val, p_val, p_val, p_val, float("nan"), close(e_val, p_val))
    se = se_p * math.sqrt(1.0 + n2 / n1)
    z = (e_val - p_val) / se
    return (name, "sum", label, e_val, p_val, p_val - k * se, p_val + k * se, z, abs(z) <= k)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir_engine")
    ap.add_argument("dir_py")
    ap.add_argument("--paths-engine", type=int, required=True)
    ap.add_argument("--paths-py", type=int, default=None, help="default: n from moments.csv")
    ap.add_argument("--days", default="0,30,90,180,364")
    ap.add_argument("--metrics", default=",".join(DEFAULT_METRICS))
    ap.add_argument("--k", type=float, default=4.0, help="band half-width in standard errors")
    ap.add_argument("--max-fail", type=int, default=1)
    a = ap.parse_args(argv)

    eng_p = read_percentiles(os.path.join(a.dir_engine, "percentiles.csv"))
    eng_s = read_summary(os.path.join(a.dir_engine, "summary.csv"))
    py_p = read_percentiles(os.path.join(a.dir_py, "percentiles.csv"))
    py_s = read_summary(os.path.join(a.dir_py, "summary.csv"))
    mom = read_moments(os.path.join(a.dir_py, "moments.csv"))
    smp = read_samples(os.path.join(a.dir_py, "samples.csv"))
    n1 = a.paths_engine
    days = [int(x) for x in a.days.split(",") if x.strip()]
    metrics = [m for m in a.metrics.split(",") if m.strip()]

    checks = []
    missing = []
    for m in metrics + MEAN_ONLY_METRICS:
        for d in days:
            if (m, d) not in eng_p or (m, d) not in py_p:
                missing.append(f"{m} day {d}")
                continue
            n2, p_mean, sd = mom[(m, d)]
            if a.paths_py:
                n2 = a.paths_py
            checks.append(mean_check(m, d, eng_p[(m, d)]["mean"], p_mean, sd, n1, n2, a.k))
            if m in MEAN_ONLY_METRICS:
                continue
            sample = smp.get((m, d))
            if sample is None:
                missing.append(f"{m} day {d} sample")
                continue
            for label, q in QUANTILE_CHECKS:
                checks.append(quantile_check(m, d, label, q, eng_p[(m, d)][label], py_p[(m, d)][label], sample, n1, a.k))
    for m in DEFAULT_SUMMARIES:
        if m not in eng_s or m not in py_s:
            missing.append(f"summary {m}")
            continue
        n2, p_mean, sd = mom[(m, None)]
        if a.paths_py:
            n2 = a.paths_py
        checks.append(mean_check(m, "sum", eng_s[m]["mean"], p_mean, sd, n1, n2, a.k))
        sample = smp[(m, None)]
        for label, q in QUANTILE_CHECKS:
            checks.append(quantile_check(m, "sum", label, q, eng_s[m][label], py_s[m][label], sample, n1, a.k))
        for label, tail in (("es95", 0.05), ("es99", 0.01)):
            checks.append(es_check(m, label, tail, eng_s[m][label], py_s[m][label], sample, n1, a.k))

    hdr = f"{'metric':<20} {'day':>4} {'stat':<5} {'engine':>14} {'python':>14} {'band lo':>14} {'band hi':>14} {'z':>7}  result"
    print(hdr)
    print("-" * len(hdr))
    fails = 0
    for name, day, stat, e, p, lo, hi, z, ok in checks:
        fails += 0 if ok else 1
        zs = f"{z:7.2f}" if math.isfinite(z) else "   exact"
        print(f"{name:<20} {str(day):>4} {stat:<5} {e:14.6g} {p:14.6g} {lo:14.6g} {hi:14.6g} {zs}  {'ok' if ok else 'FAIL'}")
    print("-" * len(hdr))
    for mname in missing:
        print(f"missing: {mname}")
    print(f"{len(checks)} checks at k = {a.k:g}: {len(checks) - fails} passed, {fails} failed "
          f"(allowed {a.max_fail}); engine N = {n1}, python N = {a.paths_py or 'from moments.csv'}")
    if missing:
        print("FAIL: missing rows")
        return 1
    if fails > a.max_fail:
        print("FAIL")
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
