using System.Runtime.CompilerServices;
using MinerSim.Metrics;
using MinerSim.Miners;
using MinerSim.Network;
using MinerSim.Random;

namespace MinerSim.Kernel;

/// <summary>
/// MODEL.md's day step over a fixed block of <see cref="BlockSize"/> paths, structure of arrays:
/// every state variable is an array over lanes, every step a loop over lanes. A worker owns one
/// kernel and reuses its buffers for block after block: nothing is allocated per path-day.
/// Lane <c>i</c> of the block starting at path <c>p</c> is path <c>p + i</c> with its own
/// <see cref="PathStream"/>, so results never depend on which worker ran the block.
/// </summary>
public sealed partial class BlockKernel
{
    /// <summary>Paths per block. Fixed: shards and checkpoints are made of whole blocks.</summary>
    public const int BlockSize = 256;

    private const int B = BlockSize;
    private const double Inv53 = 1.0 / (1UL << 53);

    private readonly CompiledScenario _m;
    private readonly CompiledCohort[] _cohorts;
    private readonly int _nc;

    // Random streams, one xoshiro256** state per lane.
    private readonly ulong[] _s0 = new ulong[B], _s1 = new ulong[B], _s2 = new ulong[B], _s3 = new ulong[B];

    // The day's draws.
    private readonly double[] _zp = new double[B], _zf = new double[B], _ze = new double[B], _zj = new double[B], _uj = new double[B], _um = new double[B];

    // Path state.
    private readonly double[] _price = new double[B], _hd = new double[B], _height = new double[B];
    private readonly double[] _epochBlocks = new double[B], _epochDays = new double[B];
    private readonly double[] _otc = new double[B], _eprev = new double[B], _vprev = new double[B];
    private readonly double[] _bull = new double[B];
    private readonly int[] _bootStart = new int[B];

    // Per cohort, indexed [c * B + lane].
    private readonly double[] _capacity, _inventory, _liquidated, _powerPrice, _phiCalm;
    private readonly double[] _active, _powerCost;

    // The day's shared quantities.
    private readonly double[] _reward = new double[B], _hashprice = new double[B], _network = new double[B], _installed = new double[B];
    private readonly double[] _onSum = new double[B], _pwSum = new double[B];
    private readonly double[] _sold = new double[B], _productionAll = new double[B], _costAll = new double[B];

    // Summaries and the moving windows they need.
    private readonly double[] _hRing = new double[60 * B], _sRing = new double[30 * B];
    private readonly double[] _h30 = new double[B], _h60 = new double[B], _s30 = new double[B];
    private readonly double[] _totalSold = new double[B], _maxSales30 = new double[B], _minH = new double[B], _daysBelow = new double[B];

    // Output buffers handed to the sink.
    private readonly double[] _day = new double[MetricCatalog.DailyCount * B];
    private readonly double[] _summaries = new double[MetricCatalog.SummaryCount * B];

    /// <summary>Allocates a worker's buffers for scenario <paramref name="m"/>.</summary>
    public BlockKernel(CompiledScenario m)
    {
        _m = m;
        _cohorts = [.. m.Cohorts];
        _nc = _cohorts.Length;
        _capacity = new double[_nc * B];
        _inventory = new double[_nc * B];
        _liquidated = new double[_nc * B];
        _powerPrice = new double[_nc * B];
        _phiCalm = new double[_nc * B];
        _active = new double[_nc * B];
        _powerCost = new double[_nc * B];
    }

    /// <summary>
    /// Simulates paths <paramref name="firstPath"/> .. <paramref name="firstPath"/> + <paramref name="count"/> - 1
    /// over the whole horizon, handing each day's metrics and then the summaries to <paramref name="sink"/>.
    /// </summary>
    public void Run(ulong seed, long firstPath, int count, IBlockSink sink)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, B);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Initialize(seed, firstPath, count);
        for (int t = 0; t < _m.Days; t++)
        {
            Draw(count);
            if (t > 0) StepPrice(t, count);
            StepRewardAndHashprice(count);
            StepMachines(count);
            StepCohorts(count);
            StepMarketAndNetwork(t, count);
            sink.AcceptDay(t, _day, count);
        }

        FinishSummaries(count);
        sink.AcceptSummaries(_summaries, count);
    }

    private void Initialize(ulong seed, long firstPath, int count)
    {
        var m = _m;
        for (int i = 0; i < count; i++)
        {
            var rng = new PathStream(seed, firstPath + i);
            for (int c = 0; c < _nc; c++)
            {
                var k = _cohorts[c];
                _powerPrice[c * B + i] = k.PMedian * Math.Exp(k.PSigma * Gaussian.NextPair(ref rng).Z0);
                _phiCalm[c * B + i] = k.PhiCalmLo + k.PhiCalmWidth * rng.NextOpen();
                _capacity[c * B + i] = k.K0;
                _inventory[c * B + i] = k.I0;
                _liquidated[c * B + i] = 0.0;
            }

            _eprev[i] = m.MuE + m.SigmaE * Gaussian.NextPair(ref rng).Z0;
            _bull[i] = m.Model == PriceModelKind.Regime && rng.NextOpen() < m.PStartBull ? 1.0 : 0.0;
            rng.GetState(out _s0[i], out _s1[i], out _s2[i], out _s3[i]);

            _price[i] = m.P0;
            _hd[i] = m.Hd0;
            _height[i] = m.Height0;
            _epochBlocks[i] = m.Height0 % 2016.0;
            _epochDays[i] = _epochBlocks[i] / 144.0;
            _otc[i] = 0.0;
            _vprev[i] = 0.0;
            _bootStart[i] = 0;
            _s30[i] = 0.0;
            _totalSold[i] = 0.0;
            _maxSales30[i] = double.NegativeInfinity;
            _minH[i] = double.PositiveInfinity;
            _daysBelow[i] = 0.0;
        }

        Array.Clear(_sRing);
    }

    /// <summary>Five uniforms a day (six with a regime or bootstrap price), turned into four normals.</summary>
    private void Draw(int count)
    {
        bool sixth = _m.Model != PriceModelKind.Gbm;
        for (int i = 0; i < count; i++)
        {
            ulong s0 = _s0[i], s1 = _s1[i], s2 = _s2[i], s3 = _s3[i];
            double u1 = Uniform(ref s0, ref s1, ref s2, ref s3);
            double u2 = Uniform(ref s0, ref s1, ref s2, ref s3);
            double u3 = Uniform(ref s0, ref s1, ref s2, ref s3);
            double u4 = Uniform(ref s0, ref s1, ref s2, ref s3);
            _uj[i] = Uniform(ref s0, ref s1, ref s2, ref s3);
            _um[i] = sixth ? Uniform(ref s0, ref s1, ref s2, ref s3) : 0.0;
            _s0[i] = s0; _s1[i] = s1; _s2[i] = s2; _s3[i] = s3;
            (_zp[i], _zf[i]) = Gaussian.BoxMuller(u1, u2);
            (_ze[i], _zj[i]) = Gaussian.BoxMuller(u3, u4);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Uniform(ref ulong s0, ref ulong s1, ref ulong s2, ref ulong s3)
    {
        ulong result = ulong.RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        return ((result >> 11) + 0.5) * Inv53;
    }
}
