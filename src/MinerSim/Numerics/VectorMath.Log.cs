using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MinerSim.Numerics;

public static partial class VectorMath
{
    private const double Lg1 = 6.666666666666735130e-01;
    private const double Lg2 = 3.999999999940941908e-01;
    private const double Lg3 = 2.857142874366239149e-01;
    private const double Lg4 = 2.222219843214978396e-01;
    private const double Lg5 = 1.818357216161805012e-01;
    private const double Lg6 = 1.531383769920937332e-01;
    private const double Lg7 = 1.479819860511658591e-01;

    /// <summary>Natural logarithm per lane, for positive normal finite inputs.</summary>
    /// <remarks>
    /// fdlibm's <c>__ieee754_log</c> (Sun Microsystems 1993, as vectorized in musl's <c>log.c</c>):
    /// x = 2^k (1 + f) with 1 + f in [sqrt(2)/2, sqrt(2)), s = f / (2 + f), and a degree-14 minimax
    /// polynomial in s (coefficients Lg1..Lg7). fdlibm states an error below 1 ulp; the tests check
    /// 2.3e-16 relative (or 1e-300 absolute near 1) against <see cref="Math.Log(double)"/>. Zero, negative,
    /// subnormal, infinite and NaN inputs are outside the domain (the kernel never produces them).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Log(Vector512<double> x)
    {
        // Move the mantissa into [sqrt(2)/2, sqrt(2)) and take k from the exponent bits.
        var ix = x.AsUInt64() + Vector512.Create(0x3FF0000000000000UL - 0x3FE6A09E00000000UL);
        var k = Vector512.ConvertToDouble((ix >> 52).AsInt64() - Vector512.Create(0x3FFL));
        var m = ((ix & Vector512.Create(0x000FFFFFFFFFFFFFUL)) + Vector512.Create(0x3FE6A09E00000000UL)).AsDouble();

        var f = m - Vector512<double>.One;
        var hfsq = Vector512.Create(0.5) * f * f;
        var s = f / (Vector512.Create(2.0) + f);
        var z = s * s;
        var w = z * z;
        var t1 = w * Fma(w, Fma(w, Lg6, Lg4), Vector512.Create(Lg2));
        var t2 = z * Fma(w, Fma(w, Fma(w, Lg7, Lg5), Vector512.Create(Lg3)), Vector512.Create(Lg1));
        var r = t2 + t1;
        // fdlibm's order of summation: s (hfsq + R) + k ln2lo - hfsq + f + k ln2hi.
        var y = s * (hfsq + r) + k * Vector512.Create(Ln2Lo);
        return y - hfsq + f + k * Vector512.Create(Ln2Hi);
    }
}
