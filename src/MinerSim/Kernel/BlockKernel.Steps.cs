using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using MinerSim.Metrics;
using MinerSim.Miners;
using MinerSim.Numerics;
using MinerSim.Random;
using V = System.Runtime.Intrinsics.Vector512<double>;

namespace MinerSim.Kernel;

/// <summary>The day's steps of MODEL.md section 4 in three fused passes over the block, eight lanes at a time.</summary>
public sealed unsafe partial class BlockKernel
{
    /// <summary>Steps 1-4: the day's draws, price, fee, reward, hashprice (and its logarithm for step 5).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void StepDrawsAndPrice(int t)
    {
        var m = _m;
        var model = m.Model;
        bool sixth = m.DrawsModelUniform;
        bool move = t > 0;
        int offset = model == PriceModelKind.Bootstrap && move ? (t - 1) % m.BlockDays : 0;
        V jumpP = C(m.JumpProbability), muJ = C(m.MuJ), sigmaJ = C(m.SigmaJ), impact = C(m.ImpactPerBtc);
        V feeMedian = C(m.FeeMedian), feeSigma = C(m.FeeSigma);
        for (int i = 0; i < _lanes; i += W)
        {
            if (Sse.IsSupported)
            {
                // As in StepMiners: the path state of the lanes two vectors ahead, a day after it was last touched.
                Sse.Prefetch0(_s0 + i + Ahead);
                Sse.Prefetch0(_s1 + i + Ahead);
                Sse.Prefetch0(_s2 + i + Ahead);
                Sse.Prefetch0(_s3 + i + Ahead);
                Sse.Prefetch0(_price + i + Ahead);
                Sse.Prefetch0(_vprev + i + Ahead);
                Sse.Prefetch0(_hd + i + Ahead);
                Sse.Prefetch0(_height + i + Ahead);
            }

            var s0 = Vector512.Load(_s0 + i);
            var s1 = Vector512.Load(_s1 + i);
            var s2 = Vector512.Load(_s2 + i);
            var s3 = Vector512.Load(_s3 + i);
            var u1 = LaneStreams.NextUniform(ref s0, ref s1, ref s2, ref s3);
            var u2 = LaneStreams.NextUniform(ref s0, ref s1, ref s2, ref s3);
            var u3 = LaneStreams.NextUniform(ref s0, ref s1, ref s2, ref s3);
            var u4 = LaneStreams.NextUniform(ref s0, ref s1, ref s2, ref s3);
            var uj = LaneStreams.NextUniform(ref s0, ref s1, ref s2, ref s3);
            var um = sixth ? LaneStreams.NextUniform(ref s0, ref s1, ref s2, ref s3) : V.Zero;
            Vector512.Store(s0, _s0 + i);
            Vector512.Store(s1, _s1 + i);
            Vector512.Store(s2, _s2 + i);
            Vector512.Store(s3, _s3 + i);
            var (zp, zf) = Gaussian.BoxMuller(u1, u2);
            var (ze, zj) = Gaussian.BoxMuller(u3, u4);
            Vector512.Store(zp, _zp + i);
            Vector512.Store(ze, _ze + i);

            var price = Vector512.Load(_price + i);
            if (move && model == PriceModelKind.Replay)
            {
                // The real close: no jumps, no price impact.
                price = C(m.ReplayCloses[t]);
                Vector512.Store(price, _price + i);
            }
            else if (move)
            {
                V r;
                var jump = Vector512.ConditionalSelect(Vector512.LessThan(uj, jumpP), muJ + sigmaJ * zj, V.Zero);
                if (model == PriceModelKind.Gbm)
                {
                    r = C(m.Drift) + C(m.DailyVol) * zp + jump;
                }
                else if (model == PriceModelKind.Regime)
                {
                    var was = Vector512.GreaterThan(Vector512.Load(_bull + i), V.Zero);
                    var bull = Vector512.ConditionalSelect(was, Vector512.GreaterThanOrEqual(um, C(m.PBullToBear)), Vector512.LessThan(um, C(m.PBearToBull)));
                    Vector512.Store(bull & V.One, _bull + i);
                    r = Vector512.ConditionalSelect(bull, C(m.BullDrift), C(m.BearDrift))
                        + Vector512.ConditionalSelect(bull, C(m.BullVol), C(m.BearVol)) * zp + jump;
                }
                else
                {
                    r = BootstrapReturns(i, um, offset);
                }

                price *= VectorMath.Exp(r - impact * Vector512.Load(_vprev + i));
                Vector512.Store(price, _price + i);
            }

            var fee = feeMedian * VectorMath.Exp(feeSigma * zf);
            var reward = Subsidy(Vector512.Load(_height + i)) + fee;
            var k = C(144.0) * reward / Vector512.Load(_hd + i);
            var hp = k * price;
            Vector512.Store(k, _k + i);
            Vector512.Store(hp, _hp + i);
            Vector512.Store(VectorMath.Log(hp), _lnHp + i);
        }
    }

    /// <summary>The bootstrap model's returns of lanes i .. i + 7: a new block start on the block's first day.</summary>
    /// <remarks>Inlined: a call in the loop would make the JIT spill the loop's live vectors (for every model).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private V BootstrapReturns(int i, V um, int offset)
    {
        var history = _m.HistoricalReturns;
        int starts = history.Length - _m.BlockDays + 1;
        Vector512.Store(um, _tmp);
        for (int l = 0; l < W; l++)
        {
            if (offset == 0) _bootStart[i + l] = (int)(_tmp[l] * starts);
            _tmp[l] = history[_bootStart[i + l] + offset];
        }

        return Vector512.Load(_tmp);
    }

    /// <summary>Step 3's subsidy, <c>50 / 2^floor(h / 210000)</c> and 0 from the 64th halving, per lane.</summary>
    /// <remarks>
    /// Bit for bit <see cref="Network.Subsidy.AtHeight"/> for every height h &gt;= 0 (and +inf), without its division
    /// (vdivpd is slow on a 512-bit vector) and without a saturating conversion (Vector512.ConvertToInt64 wraps
    /// vcvttpd2qq in fix-ups):
    /// <list type="bullet">
    /// <item>The scalar rule's floor(RN(h / 210000)) is the exact floor f of h / 210000: a quotient below an integer n
    /// is at most n - ulp(210000 n) / 210000, more than half a spacing of n below it (2^17 &lt; 210000 &lt; 2^18),
    /// so it never rounds up to n. Heights from 64 * 210000 on give f &gt;= 64 and 0.</item>
    /// <item>Here h is first clamped to 64 * 210000 (exact; same answer, 0). r = RN(1/210000) is below
    /// 1/210000, so h r &lt; h / 210000, and RN(h r) cannot round up to the next integer either (the same margin),
    /// so q = floor(RN(h r)) is f or f - 1 (the error is below 64 * 2^-52). One exact comparison with
    /// (q + 1) 210000 (a fused multiply-add of integers below 2^53) adds the missing 1: q = f in 0 .. 64.</item>
    /// <item>q is then an integer in 0 .. 64, where the plain conversion needs no saturation.</item>
    /// </list>
    /// SubsidyKernelTests sweeps the heights around every halving against the scalar rule.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static V Subsidy(V height)
    {
        var interval = C(Network.Subsidy.HalvingInterval);
        var h = Vector512.MinNative(height, C(64.0 * Network.Subsidy.HalvingInterval));
        var q = Vector512.Floor(h * C(1.0 / Network.Subsidy.HalvingInterval));
        q += Vector512.GreaterThanOrEqual(h, Vector512.FusedMultiplyAdd(q, interval, interval)) & V.One;
        var pow = ((Vector512.Create(1023L) - Vector512.ConvertToInt64Native(q)) << 52).AsDouble();
        return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(q, C(64.0)), V.Zero, C(Network.Subsidy.InitialBtc) * pow);
    }

    /// <summary>Steps 5-10: machines on or off, production, AISC layers, regime, sales, inventory, capacity.</summary>
    /// <remarks>
    /// The vectors are independent paths, so they may run in any order. Each is first classed as near, when
    /// every tier sits in the near range of the normal CDF (|z| and |z - s| below <see cref="NormalCdf.NearLimit"/>),
    /// or not; the near ones then run through <see cref="NormalCdf.PhiPairNear"/> in a loop with no calls, so the
    /// JIT keeps the live vectors in registers, and the others through the general form (continued fraction,
    /// unpaired fallback), whose rarely taken branches the JIT compiles as calls and spills around. For a near
    /// vector both forms compute the same bits, so the class of a vector never changes a result.
    /// </remarks>
    private void StepMiners()
    {
        int near = 0, others = 0;
        for (int i = 0; i < _lanes; i += W)
        {
            if (_allPaired && AllTiersNear(i)) _nearVectors[near++] = i;
            else _generalVectors[others++] = i;
        }

        var activeOut = _day + (int)DailyMetric.ActiveShare * B;
        MinersPass<NearTails>(_nearVectors, near, activeOut);
        if (others > 0) MinersPass<AnyTails>(_generalVectors, others, activeOut);
    }

    /// <summary>Steps 5-10 for the vectors starting at lanes <paramref name="vectors"/>[0 .. count - 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MinersPass<TTails>(int[] vectors, int count, double* activeOut)
        where TTails : struct, ITailForm
    {
        for (int v = 0; v < count; v++) MinersVector<TTails>(vectors[v], activeOut);
    }

    /// <summary>Whether every tier of every cohort with a spread has |z| and |z - s| below the CDF's near limit in lanes i .. i + 7.</summary>
    /// <remarks>
    /// z = (ln hp - ln p - ln c_g) / s falls as ln c_g rises and z - s &lt; z, and the rounded operations are
    /// monotone, so the tiers with the smallest and the largest ln c_g bound every lane's z and z - s exactly.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool AllTiersNear(int i)
    {
        var lnHp = Vector512.Load(_lnHp + i);
        var cut = C(NormalCdf.NearLimit);
        var far = V.Zero;
        for (int c = 0; c < _nc; c++)
        {
            double* cc = _cohortConst + c * CohortStride;
            if (!(cc[Spread] > 0)) continue;
            V invS = C(cc[InvSpread]);
            var lnRatio = lnHp - Vector512.Load(_lnPowerPrice + c * Row + i);
            var zHi = (lnRatio - C(cc[LnCostMin])) * invS;
            var zLo = (lnRatio - C(cc[LnCostMax])) * invS - C(cc[Spread]);
            far |= Vector512.GreaterThanOrEqual(zHi, cut) | Vector512.LessThanOrEqual(zLo, -cut);
        }

        return far == V.Zero;
    }

    /// <summary>Which form of the paired normal CDF step 5 uses (a type argument, so the JIT compiles each form on its own).</summary>
    private interface ITailForm
    {
        static abstract bool Near { get; }
    }

    /// <summary>Every lane is known to be in the near range: <see cref="NormalCdf.PhiPairNear"/>.</summary>
    private struct NearTails : ITailForm
    {
        public static bool Near => true;
    }

    /// <summary>Any lane: <see cref="NormalCdf.PhiPair"/>, or two <see cref="NormalCdf.Phi(V)"/> beyond the pairing limits.</summary>
    private struct AnyTails : ITailForm
    {
        public static bool Near => false;
    }

    /// <summary>Steps 5-10 for lanes i .. i + 7.</summary>
    /// <remarks>
    /// A call per vector (too large for the JIT to inline into the pass loop, which costs nothing here), so it
    /// is marked for full optimization at once: left to tiered compilation it would run its first few hundred
    /// milliseconds as unoptimized tier-0 code, with every vector helper a call.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MinersVector<TTails>(int i, double* activeOut)
        where TTails : struct, ITailForm
    {
        var hp = Vector512.Load(_hp + i);
        var lnHp = Vector512.Load(_lnHp + i);
        var k = Vector512.Load(_k + i);
        var price = Vector512.Load(_price + i);
        var invPrice = V.One / price;
        V network = V.Zero, installed = V.Zero, sold = V.Zero, productionAll = V.Zero, costAll = V.Zero, inventoryAll = V.Zero;
        var fleet = _fleet;
        // Section 11.6: a must-run share of every tier runs whatever the hashprice.
        bool mustRun = fleet is not null && fleet.MustRun > 0;
        V mr = C(fleet?.MustRun ?? 0), mrRest = C(1.0 - (fleet?.MustRun ?? 0));
        V retire = V.Zero, delivered = V.Zero, newCost = V.Zero, newLnCost = V.Zero, newInvCost = V.Zero;
        if (fleet is not null)
        {
            // Section 11.3.2: today's deliveries leave the second delay stage as it stood this morning.
            retire = C(fleet.RetirePerDay);
            delivered = C(fleet.DeliveryRate) * Vector512.Load(_shipping + i);
            newCost = C(fleet.NewCostPerPowerPrice);
            newLnCost = C(fleet.LnNewCostPerPowerPrice);
            newInvCost = C(fleet.InvNewCostPerPowerPrice);
        }

        for (int c = 0; c < _nc; c++)
        {
            double* cc = _cohortConst + c * CohortStride;
            int o = c * Row + i;
            if (Sse.IsSupported)
            {
                // A block's state outgrows L2, and these 7 x cohorts streams are more than the hardware
                // prefetcher follows: ask for the lines two vectors ahead (a hint: no effect on any value).
                Sse.Prefetch0(_capacity + o + Ahead);
                Sse.Prefetch0(_inventory + o + Ahead);
                Sse.Prefetch0(_liquidated + o + Ahead);
                Sse.Prefetch0(_phiCalm + o + Ahead);
                Sse.Prefetch0(_lnPowerPrice + o + Ahead);
                Sse.Prefetch0(_powerScale + o + Ahead);
                Sse.Prefetch0(_invPowerScale + o + Ahead);
            }

            V onSum = V.Zero, pwSum = V.Zero, onNew = V.Zero, pwNew = V.Zero;
            double s = cc[Spread];
            // Tier g's u = c_g p: z = (ln hp - ln c_g - ln p) / s, and u e^(s^2/2) = c_g (p e^(s^2/2)).
            var powerScale = Vector512.Load(_powerScale + o);
            if (s > 0)
            {
                V invS = C(cc[InvSpread]), sv = C(s);
                var lnRatio = lnHp - Vector512.Load(_lnPowerPrice + o);
                var hpOverScale = hp * Vector512.Load(_invPowerScale + o);
                bool pair = s <= MaxPairedSpread;
                for (int g = _tierStart[c]; g < _tierStart[c + 1]; g++)
                {
                    var (on, shifted) = RunningPair<TTails>((lnRatio - C(_tierLnCost[g])) * invS, sv, hpOverScale * C(_tierInvCost[g]), pair, mustRun, mr, mrRest);
                    onSum += C(_tierWeight[g]) * on;
                    pwSum += C(_tierWeight[g] * _tierCost[g]) * shifted;
                }

                pwSum *= powerScale;
                if (fleet is not null)
                {
                    // Section 11.2: the new vintage by the same rule (its weight is its own capacity).
                    (onNew, var shifted) = RunningPair<TTails>((lnRatio - newLnCost) * invS, sv, hpOverScale * newInvCost, pair, mustRun, mr, mrRest);
                    pwNew = newCost * shifted * powerScale;
                }
            }
            else
            {
                for (int g = _tierStart[c]; g < _tierStart[c + 1]; g++)
                {
                    var u = C(_tierCost[g]) * powerScale;
                    var on = Vector512.GreaterThanOrEqual(hp, u) & V.One;
                    if (mustRun) on = mr + mrRest * on;
                    var w = C(_tierWeight[g]);
                    onSum += w * on;
                    pwSum += w * (u * on);
                }

                if (fleet is not null)
                {
                    var u = newCost * powerScale;
                    onNew = Vector512.GreaterThanOrEqual(hp, u) & V.One;
                    if (mustRun) onNew = mr + mrRest * onNew;
                    pwNew = u * onNew;
                }
            }

            var cap = Vector512.Load(_capacity + o);
            var active = cap * onSum;
            var c1 = cap * pwSum;
            var all = cap;
            V newCap = V.Zero;
            if (fleet is not null)
            {
                newCap = Vector512.Load(_newCapacity + o);
                active += newCap * onNew;
                c1 += newCap * pwNew;
                all += newCap;
            }

            if (_m.Online.Length > 0)
            {
                // Section 11.5: events force a share of the running machines off (they draw no power).
                active *= C(_online);
                c1 *= C(_online);
            }

            network += active;
            installed += all;
            var production = k * active;
            c1 += C(cc[Opex]) * all;
            var net = c1 + C(cc[Capex]) * all + C(cc[Financing]) - C(cc[Hpc]);
            productionAll += production;
            costAll += net;

            // rho = P Q / N compared with each threshold as P Q >= threshold N (N > 0); rho = +inf where N <= 0.
            var pq = price * production;
            var free = Vector512.LessThanOrEqual(net, V.Zero);
            var calm = free | Vector512.GreaterThanOrEqual(pq, C(cc[RhoCalm]) * net);
            var covered = free | Vector512.GreaterThanOrEqual(pq, net);
            var moderate = free | Vector512.GreaterThanOrEqual(pq, C(cc[RhoSevere]) * net);
            var open = free | Vector512.GreaterThanOrEqual(pq, C(cc[RhoCapital]) * net);

            var liquidated = Vector512.Load(_liquidated + o);
            var stressRate = Vector512.ConditionalSelect(
                moderate,
                Vector512.MinNative(C(cc[StressRate]), Vector512.MaxNative(V.Zero, C(cc[StressCap]) - liquidated)),
                Vector512.MinNative(C(cc[SevereRate]), Vector512.MaxNative(V.Zero, C(cc[SevereCap]) - liquidated)));
            var inventoryRate = Vector512.AndNot(stressRate, covered);
            var phi = Vector512.ConditionalSelect(calm, Vector512.Load(_phiCalm + o), Vector512.ConditionalSelect(covered, C(cc[PhiNear]), V.One));
            Vector512.Store(Vector512.ConditionalSelect(covered, V.Zero, liquidated + inventoryRate), _liquidated + o);

            var planned = phi * production + inventoryRate;
            var funding = open & C(cc[Funding]);
            var mandatory = Vector512.MaxNative(V.Zero, c1 + C(cc[Financing]) - C(cc[Hpc]) - funding) * invPrice;
            var inventory = Vector512.Load(_inventory + o);
            var sale = Vector512.MinNative(inventory + production, Vector512.MaxNative(planned, mandatory));
            inventory = inventory + production - sale;
            Vector512.Store(inventory, _inventory + o);
            inventoryAll += inventory;
            sold += sale;

            if (fleet is not null)
            {
                // Section 11.3.2-3: deliveries in proportion to K0, then machines that stay off are scrapped.
                var kept = cap * (V.One - retire * (V.One - onSum));
                Vector512.Store(_drifts ? kept * Vector512.Load(_capacityStep + i) : kept, _capacity + o);
                var arrived = newCap + delivered * C(fleet.DeliveryShare[c]);
                Vector512.Store(arrived * (V.One - retire * (V.One - onNew)), _newCapacity + o);
            }
            else
            {
                var kept = Vector512.ConditionalSelect(covered, cap, cap * C(cc[DecayFactor]));
                Vector512.Store(Vector512.ConditionalSelect(calm, cap * C(cc[GrowthFactor]), kept), _capacity + o);
            }
        }

        if (fleet is not null)
        {
            // Section 11.3.1-2: today's orders from the newest machine's payback, then the delay moves on.
            var hd = Vector512.Load(_hd + i);
            var margin = hp - C(fleet.NewPowerCost);
            var payback = C(fleet.MachinePrice) / margin;
            var signal = Vector512.MaxNative(V.Zero, V.One - payback / C(fleet.MaxPayback));
            var orders = Vector512.GreaterThan(margin, V.Zero) & (Vector512.Load(_intensity + i) * Vector512.MinNative(C(fleet.MaxOrders), C(fleet.Reinvest) * hp * hd * signal / C(fleet.MachinePrice)));
            var ordered = Vector512.Load(_ordered + i);
            var moved = C(fleet.DeliveryRate) * ordered;
            Vector512.Store(Vector512.Load(_shipping + i) + (moved - delivered), _shipping + i);
            Vector512.Store(ordered + (orders - moved), _ordered + i);
        }

        Vector512.Store(network, _network + i);
        Vector512.Store(sold, _sold + i);
        Vector512.Store(inventoryAll, _inventorySum + i);
        Vector512.Store(Vector512.ConditionalSelect(Vector512.GreaterThan(installed, V.Zero), network / installed, V.Zero), activeOut + i);
        var below = Vector512.LessThan(price * productionAll, costAll) & V.One;
        Vector512.Store(Vector512.Load(_daysBelow + i) + below, _daysBelow + i);
    }

    /// <summary>
    /// Step 5's running share Phi(z) and paid share Phi(z - s) of one tier (<paramref name="ratio"/> = hp / (c p e^(s^2/2))
    /// = exp(z s - s^2/2), which the paired forms share), in <typeparamref name="TTails"/>'s form; with a must-run share
    /// (MODEL.md 11.6) both become mu + (1 - mu) times themselves.
    /// </summary>
    /// <remarks>Inlined: a call in the tier loop would make the JIT spill the loop's live vectors.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (V On, V Paid) RunningPair<TTails>(V z, V s, V ratio, bool pair, bool mustRun, V mr, V mrRest)
        where TTails : struct, ITailForm
    {
        V on, paid;
        if (TTails.Near)
        {
            // exp(z s - s^2/2) = (hp / u) e^(-s^2/2) = hp / (c_g p e^(s^2/2)): Phi(z - s) shares Phi(z)'s exponential.
            (on, paid) = NormalCdf.PhiPairNear(z, s, ratio);
        }
        else if (pair && !Vector512.GreaterThanAny(Vector512.Abs(z), C(NormalCdf.PairLimit)))
        {
            (on, paid) = NormalCdf.PhiPair(z, s, ratio);
        }
        else
        {
            on = NormalCdf.Phi(z);
            paid = NormalCdf.Phi(z - s);
        }

        if (mustRun)
        {
            on = mr + mrRest * on;
            paid = mr + mrRest * paid;
        }

        return (on, paid);
    }

    /// <summary>Largest spread s for which step 5 uses <see cref="NormalCdf.PhiPair"/> (z s stays below 370 for |z| &lt;= 37).</summary>
    private const double MaxPairedSpread = 10.0;

    /// <summary>Software prefetch distance in lanes (two vectors, two cache lines).</summary>
    private const int Ahead = 2 * W;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V C(double x) => Vector512.Create(x);
}
