using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MinerSim.Numerics;

public static partial class VectorMath
{
    private const double Log2E = 1.4426950408889634;
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;

    /// <summary>e^x per lane.</summary>
    /// <remarks>
    /// Cody-Waite reduction x = n ln2 + r with |r| &lt;= ln2/2 (ln2 split in two parts as in fdlibm),
    /// the Taylor polynomial of e^r to degree 13 (truncation below 5e-18 relative) by Horner with
    /// fused multiply-adds, and 2^n put into the exponent bits. Max relative error about 2 ulp
    /// (4.4e-16; the tests check 5e-16 against <see cref="Math.Exp"/> on [-700, 700]).
    /// Inputs are clamped to [-708.39, 709]: below, the result is about 2.2e-308 instead of a
    /// subnormal or 0; above, e^709 instead of a larger value or infinity. NaN is not supported.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp(Vector512<double> x)
    {
        x = Vector512.MinNative(Vector512.MaxNative(x, Vector512.Create(-708.39)), Vector512.Create(709.0));
        var kd = Fma(x, Log2E, Shifter);
        var n = kd - Vector512.Create(Shifter);
        var r = Vector512.FusedMultiplyAdd(-n, Vector512.Create(Ln2Hi), x);
        r = Vector512.FusedMultiplyAdd(-n, Vector512.Create(Ln2Lo), r);

        var p = Fma(r, 1.0 / 6227020800.0, 1.0 / 479001600.0);
        p = Fma(p, r, Vector512.Create(1.0 / 39916800.0));
        p = Fma(p, r, Vector512.Create(1.0 / 3628800.0));
        p = Fma(p, r, Vector512.Create(1.0 / 362880.0));
        p = Fma(p, r, Vector512.Create(1.0 / 40320.0));
        p = Fma(p, r, Vector512.Create(1.0 / 5040.0));
        p = Fma(p, r, Vector512.Create(1.0 / 720.0));
        p = Fma(p, r, Vector512.Create(1.0 / 120.0));
        p = Fma(p, r, Vector512.Create(1.0 / 24.0));
        p = Fma(p, r, Vector512.Create(1.0 / 6.0));
        p = Fma(p, r, Vector512.Create(0.5));
        p = Fma(p, r, Vector512.Create(1.0));
        p = Fma(p, r, Vector512.Create(1.0));

        // kd's low bits hold n (two's complement, |n| < 2^51); 2^n = (n + 1023) << 52.
        var bits = (kd.AsInt64() - Vector512.Create(Shifter).AsInt64() + Vector512.Create(1023L)) << 52;
        return p * bits.AsDouble();
    }
}
