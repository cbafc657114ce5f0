using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MinerSim.Numerics;

public static partial class VectorMath
{
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Exp16OverLn2 = 23.083120654223414; // 16 / ln2
    private const double Ln2Over16Hi = Ln2Hi / 16; // exact: 32 significant bits, n Ln2Over16Hi exact for |n| < 2^21
    private const double Ln2Over16Lo = Ln2Lo / 16;

    /// <summary>e^x per lane.</summary>
    /// <remarks>
    /// <para>
    /// Table-driven (Tang, ACM TOMS 15(2), 1989, here with 16 entries; the table encoding as in musl's
    /// exp.c): x = (16m + j) ln2/16 + r with n = 16m + j = round(16x/ln2), j = n mod 16 and
    /// |r| &lt;= ln2/32 (plus 6e-14 from the rounding of 16/ln2), so e^x = 2^m 2^(j/16) e^r. Why: the
    /// kernel is bound by FMA-class throughput, and narrowing r from ln2/2 to ln2/32 cuts the
    /// polynomial from degree 13 to 7: 11 multiplies and FMAs per call instead of 17. The table costs
    /// two vpermt2q, an integer shift and an integer add, none of which use the FMA pipes.
    /// </para>
    /// <para>
    /// Steps and their errors, relative to e^x (u = 2^-53 = 1.11e-16):
    /// n by the shifter trick (kd = x 16/ln2 + 1.5 2^52 rounds to an integer; kd's low bits are n).
    /// r = x - n ln2/16 with ln2/16 in two parts (fdlibm's split of ln2, divided by 16): the first FMA
    /// is exact, the second rounds once, so r is off by at most half an ulp of r, 1.7e-18.
    /// T_j = 2^(j/16) is the correctly rounded double, off by up to 8.2e-17 (at j = 1), so a second
    /// table holds c_j = (2^(j/16) - T_j) / T_j, and the result is computed as T_j (1 + c_j + q) with
    /// q = e^r - 1: c_j costs no extra FMA, since it is the addend of q's last one, and the neglected
    /// c_j q is below 1.8e-18 (without c_j: 1.01 ulp and 1-ulp steps backwards at some table steps,
    /// for a second lookup that measured within noise on the kernel). q is r times the Taylor polynomial of (e^r - 1)/r to degree 6 (Horner
    /// with FMAs): truncation r^8/8! &lt;= 1.2e-18, and every rounding before q's weighs at most
    /// |r| &lt;= 0.022 of u (2.4e-18 each for p's last step and for q). Scaling is exact: the table
    /// stores bits(T_j) - j 2^48, and adding kd's bits shifted left by 48 (= n 2^48 = m 2^52 + j 2^48)
    /// gives s = 2^m T_j, a normal double for every m in [-1022, 1022]. The result fma(s, q, s)
    /// rounds once, at most u. Sum: u + 1e-17, about 1.21e-16 (0.59 ulp at most; observed on 300,000
    /// points against a 120-bit reference: 1.13e-16 and 0.54 ulp, as against 1.34e-16 and 0.84 ulp for
    /// the former degree-13 Cody-Waite version).
    /// The tests check 5e-16 against <see cref="Math.Exp"/> (itself within 1 ulp) on [-700, 700] and
    /// at every table index, both clamps, monotonicity across every step of the table, and the
    /// tables' entries (T_j (1 + c_j) squared gives the entry of 2j, to 5e-31).
    /// </para>
    /// <para>
    /// Inputs are clamped to [-708.39, 709]: below, the result is about 2.24e-308 (still normal, so
    /// the exponent arithmetic stays exact) instead of a subnormal or 0; above, e^709 instead of a
    /// larger value or infinity. NaN is not supported.
    /// </para>
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp(Vector512<double> x)
    {
        x = Vector512.MinNative(Vector512.MaxNative(x, Vector512.Create(-708.39)), Vector512.Create(709.0));
        var kd = Fma(x, Exp16OverLn2, Shifter);
        var n = kd - Vector512.Create(Shifter);
        var r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-Ln2Over16Hi), x);
        r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-Ln2Over16Lo), r);

        // p = (e^r - 1) / r = 1 + r/2! + ... + r^6/7!; below, q = r p + c_j.
        var p = Fma(r, 1.0 / 5040.0, 1.0 / 720.0);
        p = Fma(p, r, Vector512.Create(1.0 / 120.0));
        p = Fma(p, r, Vector512.Create(1.0 / 24.0));
        p = Fma(p, r, Vector512.Create(1.0 / 6.0));
        p = Fma(p, r, Vector512.Create(0.5));
        p = Fma(p, r, Vector512<double>.One);

        // kd's bits are bits(1.5 2^52) + n (two's complement, |n| < 2^51), so shifted left by 48
        // they are n 2^48 mod 2^64; the lookups use their low four bits, j.
        var kb = kd.AsUInt64();
        var q = Fma(p, r, ExpTableTail(kb).AsDouble());
        var s = (ExpTable(kb) + (kb << 48)).AsDouble();
        return Fma(s, q, s);
    }

    /// <summary>c_j = (2^(j/16) - T_j) / T_j as bits, for j = the low four bits of each lane of <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<ulong> ExpTableTail(Vector512<ulong> index) =>
        Lookup16(
            Vector512.Create(
                0x0000000000000000UL, 0x3C979AA65D837B6DUL, 0xBC801B15EAA59348UL, 0x3C968EFDE3A8A894UL,
                0x3C834D754DB0ABB6UL, 0x3C859F48A72A4C6DUL, 0x3C7690CEBB7AAFB0UL, 0x3C9063E1E21C5409UL),
            index,
            Vector512.Create(
                0xBC93B3EFBF5E2228UL, 0xBC7B32DCB94DA51DUL, 0x3C8DB72FC1F0EAB4UL, 0x3C71AFFC2B91CE27UL,
                0x3C8C1A7792CB3387UL, 0x3C736EAE30AF0CB3UL, 0x3C74A385A63D07A7UL, 0xBC8FF7128FD391F0UL));

    /// <summary>bits(T_j) - j 2^48, T_j = 2^(j/16) rounded, for j = the low four bits of each lane of <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<ulong> ExpTable(Vector512<ulong> index) =>
        Lookup16(
            Vector512.Create(
                0x3FF0000000000000UL, 0x3FEFB5586CF9890FUL, 0x3FEF72B83C7D517BUL, 0x3FEF387A6E756238UL,
                0x3FEF06FE0A31B715UL, 0x3FEEDEA64C123422UL, 0x3FEEBFDAD5362A27UL, 0x3FEEAB07DD485429UL),
            index,
            Vector512.Create(
                0x3FEEA09E667F3BCDUL, 0x3FEEA11473EB0187UL, 0x3FEEACE5422AA0DBUL, 0x3FEEC49182A3F090UL,
                0x3FEEE89F995AD3ADUL, 0x3FEF199BDD85529CUL, 0x3FEF5818DCFBA487UL, 0x3FEFA4AFA2A490DAUL));

    /// <summary>
    /// Per lane, entry (index mod 16) of the 16-entry table lower[0..7], upper[0..7]; the index's
    /// higher bits are ignored.
    /// </summary>
    /// <remarks>One vpermt2q with AVX-512; otherwise <see cref="Lookup16Portable"/> (same result).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<ulong> Lookup16(Vector512<ulong> lower, Vector512<ulong> index, Vector512<ulong> upper) =>
        Avx512F.IsSupported ? Avx512F.PermuteVar8x64x2(lower, index, upper) : Lookup16Portable(lower, index, upper);

    /// <summary><see cref="Lookup16"/> with <see cref="Vector512"/> shuffles only, for hardware without AVX-512.</summary>
    internal static Vector512<ulong> Lookup16Portable(Vector512<ulong> lower, Vector512<ulong> index, Vector512<ulong> upper)
    {
        var i = index & Vector512.Create(7UL);
        var fromUpper = Vector512.Equals(index & Vector512.Create(8UL), Vector512.Create(8UL));
        return Vector512.ConditionalSelect(fromUpper, Vector512.Shuffle(upper, i), Vector512.Shuffle(lower, i));
    }
}
