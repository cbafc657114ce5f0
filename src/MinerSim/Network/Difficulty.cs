namespace MinerSim.Network;

/// <summary>Bitcoin's difficulty: the difficulty-1 target (<c>0x1d00ffff</c>) divided by the current target.</summary>
public static class Difficulty
{
    /// <summary>The compact target of difficulty 1 (the genesis block's nBits).</summary>
    public const uint OneBits = 0x1d00ffff;

    /// <summary>
    /// Difficulty of a compact target, computed in double precision exactly as Bitcoin Core's
    /// <c>GetDifficulty</c> (rpc/blockchain.cpp) does, so it matches <c>getblock</c>/<c>getdifficulty</c>.
    /// </summary>
    /// <param name="bits">The nBits value.</param>
    /// <returns>The difficulty; positive infinity when the mantissa is 0 (as Core's division gives).</returns>
    /// <remarks>
    /// Core: <c>dDiff = 0xffff / (nBits &amp; 0x00ffffff)</c>, then multiply or divide by 256 once per
    /// byte of exponent away from 29. Note the mask keeps the sign bit, as Core's does.
    /// </remarks>
    public static double FromBits(uint bits)
    {
        int shift = (int)((bits >> 24) & 0xff);
        double difficulty = 0x0000ffff / (double)(bits & 0x00ffffff);
        while (shift < 29)
        {
            difficulty *= 256.0;
            shift++;
        }

        while (shift > 29)
        {
            difficulty /= 256.0;
            shift--;
        }

        return difficulty;
    }

    /// <summary>Hashes a block takes on average at difficulty 1 (2^32).</summary>
    public const double HashesAtOne = 4294967296.0;

    /// <summary>
    /// The difficulty-implied hashrate HD of MODEL.md section 1, EH/s: the hashrate at which blocks come every 600 s,
    /// <c>HD = D * 2^32 / 600 / 1e18</c>.
    /// </summary>
    public static double ImpliedHashrate(double difficulty) => difficulty * HashesAtOne / 600.0 / 1e18;

    /// <summary>Bitcoin's difficulty <c>D = HD * 1e18 * 600 / 2^32</c> for a difficulty-implied hashrate in EH/s.</summary>
    public static double OfImpliedHashrate(double hd) => hd * 1e18 * 600.0 / HashesAtOne;
}
