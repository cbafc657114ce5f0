using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MinerSim.Numerics;

public static partial class VectorMath
{
    // Cephes sin.c / cos.c minimax coefficients for |x| <= pi/4 (S. Moshier 1985-2000).
    private const double S0 = 1.58962301576546568060e-10, S1 = -2.50507477628578072866e-8, S2 = 2.75573136213857245213e-6;
    private const double S3 = -1.98412698295895385996e-4, S4 = 8.33333333332211858878e-3, S5 = -1.66666666666666307295e-1;
    private const double C0 = -1.13585365213876817300e-11, C1 = 2.08757008419747316778e-9, C2 = -2.75573141792967388112e-7;
    private const double C3 = 2.48015872888517045348e-5, C4 = -1.38888888888730564116e-3, C5 = 4.16666666666665929218e-2;

    /// <summary>sin(2 pi u) and cos(2 pi u) per lane, for |u| &lt;= 2^51 (the kernel passes u in (0, 1)).</summary>
    /// <remarks>
    /// The argument is reduced exactly in turns: n = round(4u), y = 4u - n in [-1/2, 1/2] (exact for
    /// u a multiple of 2^-54, as every uniform is), x = y pi/2 in [-pi/4, pi/4]; then Cephes'
    /// polynomials for sin and cos on that interval and the quadrant's swap and signs. Max absolute
    /// error about 2.2e-16; against <see cref="Math.SinCos(double)"/> of 2 pi u the tests allow 1e-15,
    /// since that reference first rounds 2 pi u (up to 4.4e-16 of angle near u = 1).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector512<double> Sin, Vector512<double> Cos) SinCosTurns(Vector512<double> u)
    {
        var q = u * Vector512.Create(4.0);
        var kd = q + Vector512.Create(Shifter);
        var n = kd - Vector512.Create(Shifter);
        var x = (q - n) * Vector512.Create(Math.PI / 2);
        var z = x * x;

        var ps = Fma(z, S0, S1);
        ps = Fma(ps, z, Vector512.Create(S2));
        ps = Fma(ps, z, Vector512.Create(S3));
        ps = Fma(ps, z, Vector512.Create(S4));
        ps = Fma(ps, z, Vector512.Create(S5));
        var sin = Fma(x * z, ps, x);

        var pc = Fma(z, C0, C1);
        pc = Fma(pc, z, Vector512.Create(C2));
        pc = Fma(pc, z, Vector512.Create(C3));
        pc = Fma(pc, z, Vector512.Create(C4));
        pc = Fma(pc, z, Vector512.Create(C5));
        var cos = Fma(z * z, pc, Fma(z, Vector512.Create(-0.5), Vector512<double>.One));

        // Quadrant n mod 4: (sin, cos) -> (s, c), (c, -s), (-s, -c), (-c, s).
        var ni = kd.AsUInt64();
        var swap = Vector512.Equals(ni & Vector512<ulong>.One, Vector512<ulong>.One).AsDouble();
        var sinSign = ((ni & Vector512.Create(2UL)) << 62).AsDouble();
        var cosSign = (((ni + Vector512<ulong>.One) & Vector512.Create(2UL)) << 62).AsDouble();
        var s = Vector512.ConditionalSelect(swap, cos, sin) ^ sinSign;
        var c = Vector512.ConditionalSelect(swap, sin, cos) ^ cosSign;
        return (s, c);
    }
}
