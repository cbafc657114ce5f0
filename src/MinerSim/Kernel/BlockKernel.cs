using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using MinerSim.Metrics;
using MinerSim.Numerics;
using MinerSim.Random;
using V = System.Runtime.Intrinsics.Vector512<double>;

namespace MinerSim.Kernel;

/// <summary>
/// MODEL.md's day step over a fixed block of <see cref="BlockSize"/> paths, structure of arrays,
/// eight lanes at a time (<see cref="Vector512{T}"/>): every state variable is a 64-byte aligned
/// array over lanes, and each of the day's three fused passes runs over the block once. A worker
/// owns one kernel and reuses its buffers for block after block: nothing is allocated per path-day.
/// Lane <c>i</c> of the block starting at path <c>p</c> is path <c>p + i</c> with its own
/// <see cref="PathStream"/> (the same xoshiro256** bits, advanced eight lanes at a time), so
/// results never depend on which worker ran the block.
/// </summary>
/// <remarks>
/// Agreement with <see cref="ReferencePath"/>: the vector exp, log, sin/cos and normal CDF are
/// within a few ulp of the scalar ones, divisions by the same day's quantity are replaced by
/// multiplications and threshold tests <c>P Q / N &gt;= rho</c> by <c>P Q &gt;= rho N</c>; every
/// metric of every path agrees within 1e-9 relative (BlockKernelTests), unless a path sits within
/// about 1e-15 of a behaviour threshold, which no tested path does.
/// </remarks>
public sealed unsafe partial class BlockKernel
{
    /// <summary>Paths per block. Fixed: shards and checkpoints are made of whole blocks.</summary>
    /// <remarks>
    /// 1024 was the fastest of 256, 512, 1024 and 2048 for whole runs here: a day's sketches are
    /// visited once per block, so larger blocks spread their cache misses over more paths, while the
    /// state a day touches (about 70 lane arrays, 0.6 MB) still fits the 1 MB L2.
    /// </remarks>
    public const int BlockSize = 1024;

    private const int B = BlockSize;
    private const int W = 8; // lanes per Vector512<double>

    /// <summary>
    /// Distance in lanes between consecutive lane arrays and between the rows of a per-cohort or ring array:
    /// B plus one cache line, so that lane i of the arrays a pass touches falls in different L1 sets
    /// (at B, every array's lane i is a multiple of 8 KiB apart and all compete for the same 8 ways, which
    /// also defeats the prefetches). The day's metric rows stay B apart: the sink reads them so.
    /// </summary>
    private const int Row = B + W;

    private readonly CompiledScenario _m;
    private readonly CompiledCohort[] _cohorts; // _m.Cohorts as an array: no interface call in Initialize's loop
    private readonly int _nc, _nt;
    private readonly int[] _tierStart;
    private int _lanes = B; // lanes simulated: count rounded up to whole vectors
    private readonly AlignedSlab _slab;

    // Random streams, one xoshiro256** state per lane.
    private readonly ulong* _s0, _s1, _s2, _s3;

    // The day's draws and shared quantities.
    private readonly double* _zp, _ze, _k, _hp, _lnHp, _network, _sold, _inventorySum, _tmp;

    // Path state.
    private readonly double* _price, _hd, _height, _epochBlocks, _epochDays, _otc, _eprev, _vprev, _bull;
    private readonly int[] _bootStart = new int[B];

    // Step 5: the first lanes of the day's near and general vectors, and whether every cohort's spread
    // allows the paired CDF (otherwise every vector takes the general form).
    private readonly int[] _nearVectors = new int[B / W], _generalVectors = new int[B / W];
    private bool _allPaired = true;

    // Per cohort [c * B + lane].
    private readonly double* _capacity, _inventory, _liquidated, _phiCalm;

    // Section 11 (fleet dynamics; unused without a fleet): per cohort the new vintage's capacity, per path the
    // two delay stages and the path's investment intensity.
    private readonly double* _newCapacity, _ordered, _shipping, _intensity, _capacityStep;
    private readonly CompiledFleet? _fleet;

    // Section 11.5: today's share of running machines that events leave on (1 without events).
    private double _online = 1.0;

    // Section 11.1: whether today's step moves the installed base by the path's kappa^(1/tauK).
    private bool _drifts;

    // Per cohort [c * B + lane]: the power price's logarithm, the power price times e^(s^2/2) (1 without a
    // spread) and its reciprocal; tier j's median cost u = c_j p is c_j times the power price.
    private readonly double* _lnPowerPrice, _powerScale, _invPowerScale;

    // Constants: per cohort [c * CohortStride + field], per tier [g] (g numbers the tiers of all cohorts):
    // weight, c_j, ln c_j, 1 / c_j.
    private readonly double* _cohortConst, _tierWeight, _tierCost, _tierLnCost, _tierInvCost;

    // Summaries and the moving windows they need.
    private readonly double* _hRing, _sRing, _h30, _h60, _s30, _totalSold, _maxSales30, _minH, _daysBelow;

    // Output buffers handed to the sink.
    private readonly double* _day, _summaries;

    /// <summary>Allocates a worker's buffers for scenario <paramref name="m"/>.</summary>
    public BlockKernel(CompiledScenario m)
    {
        _m = m;
        _nc = m.Cohorts.Count;
        _cohorts = [.. m.Cohorts];
        _tierStart = new int[_nc + 1];
        for (int c = 0; c < _nc; c++) _tierStart[c + 1] = _tierStart[c] + m.Cohorts[c].Weights.Count;
        _nt = _tierStart[_nc];

        _fleet = m.Fleet;
        int laneArrays = 9 + 9 + 8 * _nc + 4 + 60 + 30 + 7 + MetricCatalog.DailyCount + MetricCatalog.SummaryCount;
        long bytes = 4 * AlignedSlab.Footprint(Row, sizeof(ulong)) + laneArrays * AlignedSlab.Footprint(Row, sizeof(double))
            + AlignedSlab.Footprint(_nc * CohortStride, sizeof(double)) + 4 * AlignedSlab.Footprint(_nt, sizeof(double))
            + AlignedSlab.Footprint(W, sizeof(double));
        _slab = new AlignedSlab(bytes);
        _s0 = _slab.Take<ulong>(Row); _s1 = _slab.Take<ulong>(Row); _s2 = _slab.Take<ulong>(Row); _s3 = _slab.Take<ulong>(Row);
        _zp = Lanes(); _ze = Lanes(); _k = Lanes(); _hp = Lanes(); _lnHp = Lanes(); _network = Lanes(); _sold = Lanes(); _inventorySum = Lanes();
        _tmp = _slab.Take<double>(W);
        _price = Lanes(); _hd = Lanes(); _height = Lanes(); _epochBlocks = Lanes(); _epochDays = Lanes();
        _otc = Lanes(); _eprev = Lanes(); _vprev = Lanes(); _bull = Lanes();
        _capacity = Lanes(_nc); _inventory = Lanes(_nc); _liquidated = Lanes(_nc); _phiCalm = Lanes(_nc);
        _lnPowerPrice = Lanes(_nc); _powerScale = Lanes(_nc); _invPowerScale = Lanes(_nc);
        _newCapacity = Lanes(_nc); _ordered = Lanes(); _shipping = Lanes(); _intensity = Lanes(); _capacityStep = Lanes();
        _hRing = Lanes(60); _sRing = Lanes(30);
        _h30 = Lanes(); _h60 = Lanes(); _s30 = Lanes(); _totalSold = Lanes(); _maxSales30 = Lanes(); _minH = Lanes(); _daysBelow = Lanes();
        // The sink reads these rows B apart.
        _day = _slab.Take<double>((long)MetricCatalog.DailyCount * B);
        _summaries = _slab.Take<double>((long)MetricCatalog.SummaryCount * B);
        _cohortConst = _slab.Take<double>(_nc * CohortStride);
        _tierWeight = _slab.Take<double>(_nt);
        _tierCost = _slab.Take<double>(_nt);
        _tierLnCost = _slab.Take<double>(_nt);
        _tierInvCost = _slab.Take<double>(_nt);
        CompileConstants();
    }

    /// <summary>
    /// Simulates paths <paramref name="firstPath"/> .. <paramref name="firstPath"/> + <paramref name="count"/> - 1
    /// over the whole horizon, handing each day's metrics and then the summaries to <paramref name="sink"/>.
    /// </summary>
    public void Run(ulong seed, long firstPath, int count, IBlockSink sink)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, B);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        // Whole vectors run: up to seven paths past count are simulated and ignored, no tails.
        _lanes = (count + W - 1) & ~(W - 1);
        Initialize(seed, firstPath);
        var day = new ReadOnlySpan<double>(_day, MetricCatalog.DailyCount * B);
        for (int t = 0; t < _m.Days; t++)
        {
            StepDay(t);
            sink.AcceptDay(t, day, count);
        }

        FinishSummaries();
        sink.AcceptSummaries(new ReadOnlySpan<double>(_summaries, MetricCatalog.SummaryCount * B), count);
    }

    /// <summary>
    /// Sets up a block of <paramref name="count"/> paths for <see cref="StepDay"/> alone (benchmarks time one
    /// day-step; tests read the initial state through <see cref="LaneState"/> and <see cref="LaneStart"/>).
    /// </summary>
    internal void Prepare(ulong seed, long firstPath, int count = B)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, B);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _lanes = (count + W - 1) & ~(W - 1);
        Initialize(seed, firstPath);
    }

    /// <summary>Lane <paramref name="lane"/>'s xoshiro256** state (tests compare it with a scalar <see cref="PathStream"/>).</summary>
    internal (ulong S0, ulong S1, ulong S2, ulong S3) LaneState(int lane) => (_s0[lane], _s1[lane], _s2[lane], _s3[lane]);

    /// <summary>Lane <paramref name="lane"/>'s draws of section 3: cohort <paramref name="c"/>'s phiCalm and ln p, the ETF start, the start regime.</summary>
    internal (double PhiCalm, double LnPowerPrice, double Eprev, double Bull) LaneStart(int c, int lane) =>
        (_phiCalm[c * Row + lane], _lnPowerPrice[c * Row + lane], _eprev[lane], _bull[lane]);

    /// <summary>One day of MODEL.md section 4 over the whole block, without the sink.</summary>
    internal void StepDay(int t)
    {
        _online = _m.Online.Length > 0 ? _m.Online[t] : 1.0;
        _drifts = _fleet?.Drifts(t) ?? false;
        StepDrawsAndPrice(t);
        StepMiners();
        StepMarketAndNetwork(t);
    }

    private double* Lanes(int rows = 1) => _slab.Take<double>((long)rows * Row);

    /// <summary>
    /// Section 3's per-path draws and section 2's initial state for lanes 0 .. <see cref="_lanes"/> - 1, leaving
    /// lane i's stream where <see cref="ReferencePath"/> leaves path <paramref name="firstPath"/> + i's before day 0.
    /// </summary>
    /// <remarks>
    /// Keying stays scalar (SplitMix64's 64-bit multiplies have no cheap vector form) and runs over the whole
    /// block first: the vector pass then loads states stored long before, not just behind a 64-byte load
    /// (a store-forwarding stall). The draws then run eight lanes at a time with <see cref="LaneStreams"/>,
    /// taking the same uniforms in the same order as the scalar <see cref="Gaussian.NextPair"/> and
    /// <see cref="PathStream.NextOpen"/> (per cohort two for the power price's normal and one for phiCalm, then
    /// two for the ETF normal and, for the regime model, one for the start regime), so every lane's stream and
    /// every later day's draws are bit for bit the scalar ones. The transcendental parts (Box-Muller, exp, log)
    /// are <see cref="VectorMath"/>'s, within a few ulp of <see cref="Math"/>'s; the uniforms' affine maps and the
    /// regime comparison are the scalar operations, so phiCalm and the start regime are the same bits.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Initialize(ulong seed, long firstPath)
    {
        var m = _m;
        var cohorts = _cohorts;
        for (int i = 0; i < _lanes; i++) new PathStream(seed, firstPath + i).GetState(out _s0[i], out _s1[i], out _s2[i], out _s3[i]);

        bool regime = m.Model == PriceModelKind.Regime;
        bool fleet = _fleet is not null;
        V reinvestSigma = C(_fleet?.ReinvestSigma ?? 0), capacitySigma = C(_fleet?.CapacitySigma ?? 0), capacityDays = C(_fleet?.CapacityDays ?? 1);
        V ordered0 = C(_fleet?.Ordered0 ?? 0), shipping0 = C(_fleet?.Shipping0 ?? 0);
        V muE = C(m.MuE), sigmaE = C(m.SigmaE), startBull = C(m.PStartBull);
        V epochBlocks = C(m.Height0 % 2016.0), epochDays = C(m.EpochDays0);
        for (int i = 0; i < _lanes; i += W)
        {
            var s0 = Vector512.Load(_s0 + i);
            var s1 = Vector512.Load(_s1 + i);
            var s2 = Vector512.Load(_s2 + i);
            var s3 = Vector512.Load(_s3 + i);
            for (int c = 0; c < _nc; c++)
            {
                var k = cohorts[c];
                int o = c * Row + i;
                var u1 = LaneStreams.NextUniform(ref s0, ref s1, ref s2, ref s3);
                var u2 = LaneStreams.NextUniform(ref s0, ref s1, ref s2, ref s3);
                var uPhi = LaneStreams.NextUniform(ref s0, ref s1, ref s2, ref s3);
                var powerPrice = C(k.PMedian) * VectorMath.Exp(C(k.PSigma) * Gaussian.BoxMuller(u1, u2).Z0);
                Vector512.Store(C(k.PhiCalmLo) + C(k.PhiCalmWidth) * uPhi, _phiCalm + o);
                Vector512.Store(C(k.K0), _capacity + o);
                Vector512.Store(C(k.I0), _inventory + o);
                Vector512.Store(V.Zero, _liquidated + o);
                // Tier j's median daily power cost is u = c_j p; step 5 multiplies Phi(z - s) by u e^(s^2/2).
                Vector512.Store(LogPowerPrice(powerPrice), _lnPowerPrice + o);
                var scale = k.Spread > 0 ? powerPrice * C(k.SpreadPremium) : powerPrice;
                Vector512.Store(scale, _powerScale + o);
                Vector512.Store(V.One / scale, _invPowerScale + o);
            }

            var e1 = LaneStreams.NextUniform(ref s0, ref s1, ref s2, ref s3);
            var e2 = LaneStreams.NextUniform(ref s0, ref s1, ref s2, ref s3);
            Vector512.Store(muE + sigmaE * Gaussian.BoxMuller(e1, e2).Z0, _eprev + i);
            var bull = V.Zero;
            if (regime) bull = Vector512.LessThan(LaneStreams.NextUniform(ref s0, ref s1, ref s2, ref s3), startBull) & V.One;
            Vector512.Store(bull, _bull + i);
            if (fleet)
            {
                // Section 11.1: the path's reinvestment share, one more normal.
                var f1 = LaneStreams.NextUniform(ref s0, ref s1, ref s2, ref s3);
                var f2 = LaneStreams.NextUniform(ref s0, ref s1, ref s2, ref s3);
                Vector512.Store(VectorMath.Exp(reinvestSigma * Gaussian.BoxMuller(f1, f2).Z0), _intensity + i);
                var k1 = LaneStreams.NextUniform(ref s0, ref s1, ref s2, ref s3);
                var k2 = LaneStreams.NextUniform(ref s0, ref s1, ref s2, ref s3);
                Vector512.Store(VectorMath.Exp(capacitySigma * Gaussian.BoxMuller(k1, k2).Z0 / capacityDays), _capacityStep + i);
                Vector512.Store(ordered0, _ordered + i);
                Vector512.Store(shipping0, _shipping + i);
                for (int c = 0; c < _nc; c++) Vector512.Store(V.Zero, _newCapacity + c * Row + i);
            }
            Vector512.Store(s0, _s0 + i);
            Vector512.Store(s1, _s1 + i);
            Vector512.Store(s2, _s2 + i);
            Vector512.Store(s3, _s3 + i);

            Vector512.Store(C(m.P0), _price + i);
            Vector512.Store(C(m.Hd0), _hd + i);
            Vector512.Store(C(m.Height0), _height + i);
            Vector512.Store(epochBlocks, _epochBlocks + i);
            Vector512.Store(epochDays, _epochDays + i);
            Vector512.Store(V.Zero, _otc + i);
            Vector512.Store(V.Zero, _vprev + i);
            Vector512.Store(V.Zero, _s30 + i);
            Vector512.Store(V.Zero, _totalSold + i);
            Vector512.Store(C(double.NegativeInfinity), _maxSales30 + i);
            Vector512.Store(C(double.PositiveInfinity), _minH + i);
            Vector512.Store(V.Zero, _daysBelow + i);
        }

        Array.Clear(_bootStart, 0, _lanes);
        new Span<double>(_sRing, 30 * Row).Clear();
    }

    /// <summary>ln of the power prices per lane, as <see cref="Math.Log(double)"/> gives it also for p = 0 (-inf) and subnormal p.</summary>
    /// <remarks>
    /// The validator allows p_median = 0, and a tiny p_median can draw a subnormal p, where <see cref="VectorMath.Log"/>'s
    /// bit tricks give a finite wrong value: zero lanes take -inf, subnormal lanes are scaled by 2^54 (exact) and have
    /// 54 ln 2 taken off. Branch-free, so no call sits in <see cref="Initialize"/>'s loop (the JIT would keep the
    /// stream vectors on the stack around it); the shipped scenarios never need either case.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V LogPowerPrice(V p)
    {
        var subnormal = Vector512.LessThan(p, C(SmallestNormal));
        var ln = VectorMath.Log(Vector512.ConditionalSelect(subnormal, p * C(TwoTo54), p)) - (subnormal & C(54 * Ln2));
        return Vector512.ConditionalSelect(Vector512.Equals(p, V.Zero), C(double.NegativeInfinity), ln);
    }

    /// <summary>2^-1022, the smallest positive normal double: <see cref="VectorMath.Log"/>'s domain starts there.</summary>
    private const double SmallestNormal = 2.2250738585072014E-308;

    private const double TwoTo54 = 18014398509481984.0;
    private const double Ln2 = 0.69314718055994530942;
}
