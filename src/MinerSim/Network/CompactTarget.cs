using System.Numerics;

namespace MinerSim.Network;

/// <summary>
/// Bitcoin's compact ("nBits") encoding of a 256-bit proof-of-work target: one size byte and a
/// 23-bit mantissa with a sign bit (<c>0x00800000</c>), as in OpenSSL's MPI format.
/// </summary>
/// <remarks>
/// Bit-exact with Bitcoin Core's <c>arith_uint256::SetCompact</c> and <c>GetCompact</c>
/// (arith_uint256.cpp), including the negative and overflow flags and the truncation of bits
/// shifted past 256.
/// </remarks>
public static class CompactTarget
{
    /// <summary>The largest 256-bit value, <c>2^256 - 1</c>.</summary>
    public static BigInteger MaxValue { get; } = (BigInteger.One << 256) - 1;

    /// <summary>Decodes a compact target, ignoring the sign and overflow flags (as Core's retarget does).</summary>
    /// <param name="compact">The nBits value.</param>
    /// <returns>The 256-bit target, in [0, 2^256).</returns>
    public static BigInteger Decode(uint compact) => Decode(compact, out _, out _);

    /// <summary>Decodes a compact target like Core's <c>SetCompact(nCompact, pfNegative, pfOverflow)</c>.</summary>
    /// <param name="compact">The nBits value.</param>
    /// <param name="negative">True when the sign bit is set and the mantissa (after shifting) is not 0.</param>
    /// <param name="overflow">True when the value does not fit in 256 bits (Core then rejects the header).</param>
    /// <returns>The 256-bit target, in [0, 2^256); bits shifted past 256 are dropped, as in Core.</returns>
    public static BigInteger Decode(uint compact, out bool negative, out bool overflow)
    {
        int size = (int)(compact >> 24);
        uint word = compact & 0x007fffff;
        BigInteger value;
        if (size <= 3)
        {
            word >>= 8 * (3 - size);
            value = word;
        }
        else
        {
            value = ((BigInteger)word << (8 * (size - 3))) & MaxValue;
        }

        negative = word != 0 && (compact & 0x00800000) != 0;
        overflow = word != 0 && (size > 34 || (word > 0xff && size > 33) || (word > 0xffff && size > 32));
        return value;
    }

    /// <summary>Encodes a target like Core's <c>GetCompact(fNegative)</c>: rounds the mantissa down to 3 bytes.</summary>
    /// <param name="value">The target, in [0, 2^256).</param>
    /// <param name="negative">Sets the sign bit when the mantissa is not 0.</param>
    /// <returns>The nBits value; never has the sign bit set unless <paramref name="negative"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or needs more than 256 bits.</exception>
    public static uint Encode(BigInteger value, bool negative = false)
    {
        if (value.Sign < 0 || value > MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "a target must be in [0, 2^256)");
        }

        int size = (int)((value.GetBitLength() + 7) / 8);
        uint compact = size <= 3
            ? (uint)((ulong)value << (8 * (3 - size)))
            : (uint)(value >> (8 * (size - 3)));

        // The 0x00800000 bit is the sign: if the mantissa would set it, move one byte into the exponent.
        if ((compact & 0x00800000) != 0)
        {
            compact >>= 8;
            size++;
        }

        compact |= (uint)size << 24;
        compact |= negative && (compact & 0x007fffff) != 0 ? 0x00800000u : 0u;
        return compact;
    }
}
