using System.Numerics;
using System.Runtime.CompilerServices;

namespace MinerSim.Network;

/// <summary>Bitcoin's difficulty adjustment every 2016 blocks.</summary>
/// <remarks>
/// Bitcoin Core <c>CalculateNextWorkRequired</c> (pow.cpp): the actual timespan between the first
/// and last block of the epoch is clamped to [<c>nPowTargetTimespan / 4</c>, <c>nPowTargetTimespan * 4</c>],
/// the old target is multiplied by it and divided by <c>nPowTargetTimespan</c> (two weeks) in 256-bit
/// integer arithmetic, capped at <c>powLimit</c> and re-encoded with <c>GetCompact</c>.
/// </remarks>
public static class Retarget
{
    /// <summary>Blocks per difficulty epoch (<c>nPowTargetTimespan / nPowTargetSpacing</c>).</summary>
    public const int Interval = 2016;

    /// <summary>Target epoch length, seconds (Core <c>nPowTargetTimespan</c>, two weeks).</summary>
    public const long TargetTimespan = 1_209_600;

    /// <summary>Shortest timespan counted, seconds (<c>TargetTimespan / 4</c>).</summary>
    public const long MinTimespan = TargetTimespan / 4;

    /// <summary>Longest timespan counted, seconds (<c>TargetTimespan * 4</c>).</summary>
    public const long MaxTimespan = TargetTimespan * 4;

    /// <summary>Mainnet <c>powLimit</c>, <c>2^224 - 1</c> (Core chainparams.cpp); its compact form is <c>0x1d00ffff</c>.</summary>
    public static BigInteger MainnetPowLimit { get; } = (BigInteger.One << 224) - 1;

    /// <summary>
    /// The nBits of the next epoch, bit-exact with Bitcoin Core's <c>CalculateNextWorkRequired</c>.
    /// </summary>
    /// <param name="bits">nBits of the epoch's last block.</param>
    /// <param name="firstBlockTime">Timestamp of the epoch's first block (Core <c>nFirstBlockTime</c>), unix seconds.</param>
    /// <param name="lastBlockTime">Timestamp of the epoch's last block, unix seconds; may be earlier than the first (the timespan then clamps).</param>
    /// <param name="powLimitBits">The easiest target allowed, in compact form.</param>
    /// <returns>The next nBits.</returns>
    /// <remarks>
    /// Capping at the expansion of <paramref name="powLimitBits"/> gives the same compact result as
    /// capping at Core's full <c>powLimit</c> (<see cref="MainnetPowLimit"/>): <c>GetCompact</c> truncates,
    /// so every target between the two encodes to the same nBits.
    /// </remarks>
    public static uint NextWorkRequired(uint bits, long firstBlockTime, long lastBlockTime, uint powLimitBits = Difficulty.OneBits) =>
        NextWorkRequired(bits, firstBlockTime, lastBlockTime, CompactTarget.Decode(powLimitBits));

    /// <summary>As <see cref="NextWorkRequired(uint, long, long, uint)"/>, with the limit as a 256-bit target.</summary>
    /// <param name="bits">nBits of the epoch's last block.</param>
    /// <param name="firstBlockTime">Timestamp of the epoch's first block, unix seconds.</param>
    /// <param name="lastBlockTime">Timestamp of the epoch's last block, unix seconds.</param>
    /// <param name="powLimit">The easiest target allowed (Core <c>params.powLimit</c>).</param>
    /// <returns>The next nBits.</returns>
    public static uint NextWorkRequired(uint bits, long firstBlockTime, long lastBlockTime, BigInteger powLimit)
    {
        long actual = ClampTimespan(lastBlockTime - firstBlockTime);
        var target = CompactTarget.Decode(bits);
        // arith_uint256 multiplication wraps modulo 2^256.
        target = (target * actual) & CompactTarget.MaxValue;
        target /= TargetTimespan;
        if (target > powLimit)
        {
            target = powLimit;
        }

        return CompactTarget.Encode(target);
    }

    /// <summary>The timespan the retarget counts: <paramref name="seconds"/> clamped to [302400, 4838400].</summary>
    /// <param name="seconds">Last block time minus first block time.</param>
    public static long ClampTimespan(long seconds) => Math.Clamp(seconds, MinTimespan, MaxTimespan);

    /// <summary>
    /// Next difficulty in real arithmetic: <c>D * 1209600 / clamp(S, 302400, 4838400)</c>.
    /// </summary>
    /// <param name="difficulty">Current difficulty.</param>
    /// <param name="timespanSeconds">Measured epoch timespan, seconds.</param>
    /// <returns>The next difficulty (Core's integer target arithmetic and compact rounding left out).</returns>
    public static double NextDifficulty(double difficulty, double timespanSeconds) => difficulty * Factor(timespanSeconds);

    /// <summary>
    /// The factor difficulty is multiplied by at a retarget: <c>1209600 / clamp(span, 302400, 4838400)</c>,
    /// so in [0.25, 4] (MODEL.md section 4, step 13).
    /// </summary>
    /// <param name="spanSeconds">Measured epoch timespan, seconds; NaN gives NaN.</param>
    /// <returns>The multiplier of difficulty (and of the difficulty-implied hashrate <c>HD</c>).</returns>
    /// <remarks>Allocation-free and branch-light for the Monte Carlo kernel's day loop.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Factor(double spanSeconds) =>
        TargetTimespan / Math.Min(Math.Max(spanSeconds, MinTimespan), MaxTimespan);
}
