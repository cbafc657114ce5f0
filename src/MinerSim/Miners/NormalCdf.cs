using System.Runtime.CompilerServices;

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
            if (x < 7.07106781186547)
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
}
