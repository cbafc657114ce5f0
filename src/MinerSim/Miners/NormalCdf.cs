using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using MinerSim.Numerics;

namespace MinerSim.Miners;

/// <summary>
/// The standard normal CDF by Hart's double-precision algorithm (Hart et al. 1968, as given by
/// G. West, "Better approximations to cumulative normal functions", Wilmott 2005): a rational
/// function times exp(-z^2/2) for |z| &lt; 7.07 and a continued fraction beyond.
/// Absolute error below 1e-14 (tested against MathNet's erfc); branch-free in spirit, so the
/// same formula vectorizes by computing both branches and selecting.
/// </summary>
public static class NormalCdf
{
    /// <summary>Phi(z) = P(Z &lt;= z) for Z ~ N(0,1); Phi(+inf) = 1, Phi(-inf) = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Phi(double z)
    {
        double x = Math.Abs(z);
        double tail;
        if (x > 37.0)
        {
            tail = 0.0;
        }
        else
        {
            double e = Math.Exp(-0.5 * x * x);
            if (x < NearLimit)
            {
                double n = 3.52624965998911E-02 * x + 0.700383064443688;
                n = n * x + 6.37396220353165;
                n = n * x + 33.912866078383;
                n = n * x + 112.079291497871;
                n = n * x + 221.213596169931;
                n = n * x + 220.206867912376;
                double d = 8.83883476483184E-02 * x + 1.75566716318264;
                d = d * x + 16.064177579207;
                d = d * x + 86.7807322029461;
                d = d * x + 296.564248779674;
                d = d * x + 637.333633378831;
                d = d * x + 793.826512519948;
                d = d * x + 440.413735824752;
                tail = e * n / d;
            }
            else
            {
                double b = x + 0.65;
                b = x + 4.0 / b;
                b = x + 3.0 / b;
                b = x + 2.0 / b;
                b = x + 1.0 / b;
                tail = e / b / 2.506628274631;
            }
        }

        return z > 0 ? 1.0 - tail : tail;
    }

    /// <summary>
    /// <see cref="Phi(double)"/> on eight values: the same rational function and continued fraction
    /// (the latter evaluated only when a lane needs it), with <see cref="VectorMath.Exp"/> for the
    /// Gaussian factor. Agrees with the scalar version within 3e-16 absolute, about 1 ulp of 1 (tested); NaN unsupported.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Phi(Vector512<double> z)
    {
        var x = Vector512.Abs(z);
        var e = VectorMath.Exp(Vector512.Create(-0.5) * x * x);
        var tail = e * Numerator(x) / Denominator(x);
        if (Vector512.GreaterThanOrEqualAny(x, Vector512.Create(NearLimit))) tail = FarSelect(x, e, tail);
        return Upper(z, tail);
    }

    /// <summary>Largest |z| for which <see cref="PhiPair"/> shares the Gaussian factor (exp(-z^2/2) is then a normal double well above the exp clamp).</summary>
    public const double PairLimit = 37.0;

    /// <summary>
    /// Phi(z) and Phi(z - s) on eight lanes with one exponential and one division, given
    /// <paramref name="ratio"/> = exp(z s - s^2/2) (the caller has it without an exp: for step 5's
    /// z = ln(hp/u)/s it is hp / (u e^(s^2/2))). Exact algebra: exp(-(z - s)^2/2) = exp(-z^2/2) exp(z s - s^2/2),
    /// and n1/d1, n2/d2 = n1 d2 r, n2 d1 r with r = 1/(d1 d2).
    /// </summary>
    /// <remarks>
    /// Valid while every lane has |z| &lt;= <see cref="PairLimit"/> and the ratio is finite (callers check the
    /// first per vector and fall back to <see cref="Phi(Vector512{double})"/> twice; the second holds for
    /// s &lt;= 10, since then z s &lt;= 370). Against two calls of <see cref="Phi(Vector512{double})"/> the
    /// extra roundings (the shared reciprocal, and the ratio's, which amounts to moving z s by a few ulp,
    /// as z's own rounding does) stay below 1e-14 absolute for s &lt;= 10 (tested). d1 d2 is at most about 1e20 for |x| &lt;= 37 + s, so the reciprocal never
    /// under- or overflows.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector512<double> Phi, Vector512<double> PhiShifted) PhiPair(Vector512<double> z, Vector512<double> s, Vector512<double> ratio)
    {
        var z2 = z - s;
        var (tail1, tail2, x1, x2, e1, e2) = PairTails(z, z2, ratio);
        var cut = Vector512.Create(NearLimit);
        var far = Vector512.GreaterThanOrEqual(x1, cut) | Vector512.GreaterThanOrEqual(x2, cut);
        if (far != Vector512<double>.Zero)
        {
            tail1 = FarSelect(x1, e1, tail1);
            tail2 = FarSelect(x2, e2, tail2);
        }

        return (Upper(z, tail1), Upper(z2, tail2));
    }

    /// <summary>
    /// Largest |z| (exclusive) of Hart's rational branch: below it, <see cref="PhiPairNear"/> computes
    /// exactly what <see cref="PhiPair"/> does.
    /// </summary>
    public const double NearLimit = 7.07106781186547;

    /// <summary>
    /// <see cref="PhiPair"/> when the caller knows that every lane has |z| &lt; <see cref="NearLimit"/> and
    /// |z - s| &lt; <see cref="NearLimit"/>: the same operations without the continued-fraction branch, so the
    /// results are bit-identical to <see cref="PhiPair"/>'s for such lanes (and wrong for others).
    /// </summary>
    /// <remarks>
    /// The hot loop of step 5 checks the range for a whole vector before it starts and uses this form: with
    /// no rarely taken branch (whose code the JIT keeps out of line as calls) it keeps every live vector in
    /// registers instead of spilling them around the calls.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector512<double> Phi, Vector512<double> PhiShifted) PhiPairNear(Vector512<double> z, Vector512<double> s, Vector512<double> ratio)
    {
        var z2 = z - s;
        var (tail1, tail2, _, _, _, _) = PairTails(z, z2, ratio);
        return (Upper(z, tail1), Upper(z2, tail2));
    }

    /// <summary>The two lower tails by the rational branch, with |z|, |z2| and their Gaussian factors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<double> Tail1, Vector512<double> Tail2, Vector512<double> X1, Vector512<double> X2, Vector512<double> E1, Vector512<double> E2) PairTails(
        Vector512<double> z, Vector512<double> z2, Vector512<double> ratio)
    {
        var x1 = Vector512.Abs(z);
        var x2 = Vector512.Abs(z2);
        var e1 = VectorMath.Exp(Vector512.Create(-0.5) * x1 * x1);
        var e2 = e1 * ratio;
        var n1 = Numerator(x1);
        var n2 = Numerator(x2);
        var d1 = Denominator(x1);
        var d2 = Denominator(x2);
        var r = Vector512<double>.One / (d1 * d2);
        return (e1 * n1 * (d2 * r), e2 * n2 * (d1 * r), x1, x2, e1, e2);
    }

    /// <summary>Phi from the lower tail of |z|: 1 - tail where z &gt; 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Upper(Vector512<double> z, Vector512<double> tail) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(z, Vector512<double>.Zero), Vector512<double>.One - tail, tail);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Numerator(Vector512<double> x)
    {
        var n = VectorMath.Fma(x, 3.52624965998911E-02, 0.700383064443688);
        n = VectorMath.Fma(n, x, Vector512.Create(6.37396220353165));
        n = VectorMath.Fma(n, x, Vector512.Create(33.912866078383));
        n = VectorMath.Fma(n, x, Vector512.Create(112.079291497871));
        n = VectorMath.Fma(n, x, Vector512.Create(221.213596169931));
        return VectorMath.Fma(n, x, Vector512.Create(220.206867912376));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Denominator(Vector512<double> x)
    {
        var d = VectorMath.Fma(x, 8.83883476483184E-02, 1.75566716318264);
        d = VectorMath.Fma(d, x, Vector512.Create(16.064177579207));
        d = VectorMath.Fma(d, x, Vector512.Create(86.7807322029461));
        d = VectorMath.Fma(d, x, Vector512.Create(296.564248779674));
        d = VectorMath.Fma(d, x, Vector512.Create(637.333633378831));
        d = VectorMath.Fma(d, x, Vector512.Create(793.826512519948));
        return VectorMath.Fma(d, x, Vector512.Create(440.413735824752));
    }

    /// <summary>The lower tail by the continued fraction where x &gt;= <see cref="NearLimit"/>, and 0 beyond 37 (as the scalar <see cref="Phi(double)"/>).</summary>
    /// <remarks>Inlined: a call would make the JIT spill every live vector of the caller's loop around it.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> FarSelect(Vector512<double> x, Vector512<double> e, Vector512<double> tail)
    {
        var far = Vector512.GreaterThanOrEqual(x, Vector512.Create(NearLimit));
        var b = x + Vector512.Create(0.65);
        b = x + Vector512.Create(4.0) / b;
        b = x + Vector512.Create(3.0) / b;
        b = x + Vector512.Create(2.0) / b;
        b = x + Vector512<double>.One / b;
        tail = Vector512.ConditionalSelect(far, e / b / Vector512.Create(2.506628274631), tail);
        return Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512.Create(37.0)), Vector512<double>.Zero, tail);
    }
}
