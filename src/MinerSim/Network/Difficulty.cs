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
}
