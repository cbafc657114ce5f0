using System.Runtime.Intrinsics;
using MinerSim.Miners;
using MinerSim.Numerics;
using MinerSim.Random;

namespace MinerSim.Tests.Numerics;

/// <summary>The vector functions' stated error bounds, checked against System.Math on seeded samples.</summary>
public sealed class VectorMathTests
{
    private static double[] Sample(int n, Func<double, double> map, ulong seed = 3)
    {
        var rng = new PathStream(seed, 0);
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = map(rng.NextOpen());
        return x;
    }

    private static double Lane(Func<Vector512<double>, Vector512<double>> f, double x) => f(Vector512.Create(x)).ToScalar();

    [Test]
    public void Exp_IsWithin5e16Relative_OfMathExp()
    {
        double worst = 0;
        foreach (double x in Sample(200_000, u => 1400 * u - 700).Concat([0.0, 1e-300, -1e-300, 0.5 * Math.Log(2), 700]))
        {
            double e = Math.Exp(x);
            worst = Math.Max(worst, Math.Abs(Lane(VectorMath.Exp, x) - e) / e);
        }

        Assert.That(worst, Is.LessThan(5e-16));
    }

    [Test]
    public void Log_IsWithin2p3e16Relative_OfMathLog()
    {
        double worst = 0;
        var xs = Sample(200_000, u => Math.Exp(1400 * u - 700)).Concat(Sample(50_000, u => 0.5 + u)).Concat([1.0, 2.0, double.Epsilon * (1L << 53), double.MaxValue]);
        foreach (double x in xs)
        {
            double l = Math.Log(x);
            worst = Math.Max(worst, Math.Abs(Lane(VectorMath.Log, x) - l) / Math.Max(Math.Abs(l), 1e-300 / double.Epsilon));
        }

        Assert.That(worst, Is.LessThan(2.3e-16));
    }

    [Test]
    public void SinCosTurns_IsWithin1e15_OfMathSinCos()
    {
        double worst = 0;
        foreach (double u in Sample(200_000, u => u).Concat([0.125, 0.25, 0.375, 0.5, 0.75, 1.0 - 1.0 / (1L << 53)]))
        {
            var (s, c) = VectorMath.SinCosTurns(Vector512.Create(u));
            var (es, ec) = Math.SinCos(2.0 * Math.PI * u);
            worst = Math.Max(worst, Math.Max(Math.Abs(s.ToScalar() - es), Math.Abs(c.ToScalar() - ec)));
        }

        // The ratio carries z s's rounding (up to 370 * 1.1e-16 relative at s = 10): a few ulp of z, as z itself has.
        Assert.That(worst, Is.LessThan(1e-14));
    }

    [Test]
    public void Phi_Vector_AgreesWithScalarHart_Within3e16()
    {
        double worst = 0;
        foreach (double z in Sample(200_000, u => 90 * u - 45).Concat(Sample(50_000, u => 16 * u - 8)).Concat([0.0, 7.07106781186547, -7.07106781186547, 37.0, -37.5]))
        {
            worst = Math.Max(worst, Math.Abs(Lane(NormalCdf.Phi, z) - NormalCdf.Phi(z)));
        }

        Assert.That(worst, Is.LessThan(3e-16));
    }

    [Test]
    public void PhiPair_AgreesWithTwoCdfs()
    {
        // Step 5's use: z = ln(hp / u) / s, ratio = hp / (u e^(s^2/2)), over |z| <= 37 and spreads up to 10.
        double worst = 0;
        var rng = new PathStream(11, 3);
        foreach (double s in new[] { 0.05, 0.3, 0.4, 1.0, 3.0, 10.0 })
        {
            for (int i = 0; i < 40_000; i++)
            {
                double z = i < 20_000 ? 74 * rng.NextOpen() - 37 : 16 * rng.NextOpen() - 8;
                double ratio = Math.Exp(z * s - 0.5 * s * s);
                var (a, b) = NormalCdf.PhiPair(Vector512.Create(z), Vector512.Create(s), Vector512.Create(ratio));
                worst = Math.Max(worst, Math.Abs(a.ToScalar() - NormalCdf.Phi(z)));
                worst = Math.Max(worst, Math.Abs(b.ToScalar() - NormalCdf.Phi(z - s)));
            }
        }

        // The ratio carries z s's rounding (up to 370 * 1.1e-16 relative at s = 10): a few ulp of z, as z itself has.
        Assert.That(worst, Is.LessThan(1e-14));
    }

    [Test]
    public void BoxMuller_Vector_AgreesWithScalar()
    {
        var rng = new PathStream(9, 1);
        for (int i = 0; i < 50_000; i++)
        {
            double u1 = rng.NextOpen(), u2 = rng.NextOpen();
            var (a, b) = Gaussian.BoxMuller(u1, u2);
            var (va, vb) = Gaussian.BoxMuller(Vector512.Create(u1), Vector512.Create(u2));
            Assert.That(va.ToScalar(), Is.EqualTo(a).Within(1e-14));
            Assert.That(vb.ToScalar(), Is.EqualTo(b).Within(1e-14));
        }
    }
}
