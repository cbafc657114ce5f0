using System.Runtime.CompilerServices;

namespace MinerSim.Network;

/// <summary>The block subsidy: 50 BTC halved every 210,000 blocks.</summary>
/// <remarks>
/// Bitcoin Core <c>GetBlockSubsidy</c> (validation.cpp): <c>halvings = nHeight / nSubsidyHalvingInterval</c>;
/// the subsidy is 0 once <c>halvings &gt;= 64</c> (a right shift by 64 or more is undefined in C++),
/// otherwise <c>50 * COIN &gt;&gt; halvings</c> satoshis.
/// </remarks>
public static class Subsidy
{
    /// <summary>Blocks between halvings (Bitcoin Core <c>nSubsidyHalvingInterval</c> on mainnet).</summary>
    public const int HalvingInterval = 210_000;

    /// <summary>Subsidy of the first epoch, BTC.</summary>
    public const double InitialBtc = 50.0;

    /// <summary>Subsidy of the first epoch in satoshis (<c>50 * COIN</c>).</summary>
    public const long InitialSatoshis = 5_000_000_000L;

    /// <summary>
    /// Subsidy in BTC at a (real-valued) block height: <c>50 / 2^floor(h / 210000)</c>, and 0 from
    /// the 64th halving on (MODEL.md section 4, step 3).
    /// </summary>
    /// <param name="height">Block height, at least 0 (fractional heights are the model's expected height).</param>
    /// <returns>The subsidy in BTC; exact (a power of two times 50) for every number of halvings.</returns>
    /// <remarks>
    /// This is the model's real-valued rule. It equals Bitcoin Core's satoshi amount up to the 9th
    /// halving; from the 10th on Core truncates to whole satoshis (see <see cref="SatoshisAtHeight"/>),
    /// a difference below one satoshi per block.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The height is negative or NaN.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double AtHeight(double height)
    {
        if (!(height >= 0))
        {
            ThrowNegativeHeight(height);
        }

        double halvings = Math.Floor(height / HalvingInterval);
        return halvings >= 64 ? 0.0 : Math.ScaleB(InitialBtc, -(int)halvings);
    }

    /// <summary>Subsidy in satoshis at an integer height, bit-exact with Bitcoin Core's <c>GetBlockSubsidy</c>.</summary>
    /// <param name="height">Block height, at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">The height is negative.</exception>
    public static long SatoshisAtHeight(long height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        long halvings = height / HalvingInterval;
        return halvings >= 64 ? 0L : InitialSatoshis >> (int)halvings;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNegativeHeight(double height) =>
        throw new ArgumentOutOfRangeException(nameof(height), height, "height must be at least 0");
}
