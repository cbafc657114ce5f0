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
    public void Exp_EveryTableIndex_IsWithin5e16Relative_OfMathExp()
    {
        // x = n ln2/16 + r for n = 16m + j, every j, binades from the bottom clamp to the top, and r
        // at 0, near 0 and near the reduction's ends (ln2/32 = 0.02166). Lanes carry j and j + 8, so
        // the lookup sees eight different indices at once.
        double worst = 0;
        int cases = 0;
        var hit = new bool[16];
        foreach (int m in new[] { -1022, -1000, -600, -37, -1, 0, 1, 37, 600, 1000, 1022 })
        {
            foreach (double r in new[] { -0.0216, -1e-9, 0.0, 1e-9, 0.0216 })
            {
                for (int half = 0; half < 2; half++)
                {
                    var xs = new double[8];
                    for (int lane = 0; lane < 8; lane++) xs[lane] = (16 * m + 8 * half + lane) * (Math.Log(2) / 16) + r;
                    var e = VectorMath.Exp(Vector512.Create(xs));
                    for (int lane = 0; lane < 8; lane++)
                    {
                        double x = xs[lane];
                        if (x < -708.39 || x > 709) continue;
                        long n = (long)Math.Round(x * 16 / Math.Log(2));
                        Assert.That(n & 15, Is.EqualTo(8 * half + lane), $"x = {x}");
                        hit[n & 15] = true;
                        double want = Math.Exp(x);
                        worst = Math.Max(worst, Math.Abs(e.GetElement(lane) - want) / want);
                        cases++;
                    }
                }
            }
        }

        Assert.That(hit, Is.All.True);
        Assert.That(cases, Is.GreaterThan(800));
        Assert.That(worst, Is.LessThan(5e-16));
    }

    [Test]
    public void ExpTables_HoldTwoToTheJOver16_ToDoubleDouble()
    {
        // T_j (1 + c_j) = 2^(j/16) checked without a reference: squaring entry j must give entry
        // 2j mod 16 (times 2 past 16), and the chains j -> 2j -> ... all reach T_0 = 1, c_0 = 0, so the
        // relations pin every entry down. Squares in double-double (FMA), compared to 5e-31 relative
        // (the roundings of c_j and of these sums are near 1e-32 each; a wrong digit gives 1e-17 or
        // more). T_j must also be the rounded value (|c_j| within half an ulp).
        static (double T, double C) Entry(int j)
        {
            var index = Vector512.Create((ulong)j);
            return (BitConverter.UInt64BitsToDouble(VectorMath.ExpTable(index).ToScalar() + ((ulong)j << 48)),
                    BitConverter.UInt64BitsToDouble(VectorMath.ExpTableTail(index).ToScalar()));
        }

        Assert.That(Entry(0), Is.EqualTo((1.0, 0.0)));
        for (int j = 1; j < 16; j++)
        {
            var (t, c) = Entry(j);
            Assert.That(Math.Abs(c), Is.LessThanOrEqualTo(Math.Pow(2, -53) / t), $"j = {j}");
            var (t2, c2) = Entry(2 * j % 16);
            double scale = 2 * j >= 16 ? 2 : 1;
            double hi = t * t, lo = Math.FusedMultiplyAdd(t, t, -hi);
            // (hi + lo)(1 + 2c + c^2) - scale t2 (1 + c2), the first difference exact (Sterbenz).
            double d = (hi - scale * t2) + lo + hi * (2 * c + c * c) - scale * t2 * c2;
            Assert.That(Math.Abs(d) / hi, Is.LessThan(5e-31), $"j = {j}");
        }
    }

    [Test]
    public void Exp_ClampsBothEnds_AndIsExactAtZero()
    {
        double low = Lane(VectorMath.Exp, -708.39), high = Lane(VectorMath.Exp, 709);
        Assert.That(Math.Abs(low - Math.Exp(-708.39)) / Math.Exp(-708.39), Is.LessThan(5e-16));
        Assert.That(low, Is.GreaterThanOrEqualTo(BitConverter.Int64BitsToDouble(1L << 52)), "normal, not subnormal");
        Assert.That(Math.Abs(high - Math.Exp(709)) / Math.Exp(709), Is.LessThan(5e-16));
        Assert.That(double.IsFinite(high), Is.True);
        foreach (double x in new[] { -708.4, -709.0, -745.2, -1e6, double.MinValue, double.NegativeInfinity })
            Assert.That(Lane(VectorMath.Exp, x), Is.EqualTo(low), $"x = {x}");
        foreach (double x in new[] { 709.0 + 1e-13, 709.8, 710.0, 1e6, double.MaxValue, double.PositiveInfinity })
            Assert.That(Lane(VectorMath.Exp, x), Is.EqualTo(high), $"x = {x}");

        Assert.That(Lane(VectorMath.Exp, 0.0), Is.EqualTo(1.0));
        Assert.That(Lane(VectorMath.Exp, -0.0), Is.EqualTo(1.0));
        Assert.That(Lane(VectorMath.Exp, 1e-300), Is.EqualTo(1.0));
        Assert.That(Lane(VectorMath.Exp, double.Epsilon), Is.EqualTo(1.0));
    }

    [Test]
    public void Exp_IsMonotone_AcrossEveryTableStep()
    {
        // Where round(16x/ln2) steps from n to n + 1, the result switches from T_j e^(ln2/32) to
        // T_(j+1) e^(-ln2/32), each with its own rounding: check 32 consecutive doubles around every
        // step in the clamped domain, eight lanes at a time.
        var xs = new double[32];
        for (long n = -16352; n < 16365; n++)
        {
            double x = (n + 0.5) * (Math.Log(2) / 16);
            for (int i = 0; i < 16; i++) x = Math.BitDecrement(x);
            for (int i = 0; i < 32; i++, x = Math.BitIncrement(x)) xs[i] = x;

            double prev = 0;
            for (int v = 0; v < 4; v++)
            {
                var e = VectorMath.Exp(Vector512.Create(xs.AsSpan(8 * v, 8)));
                for (int lane = 0; lane < 8; lane++)
                {
                    double y = e.GetElement(lane);
                    if (y < prev) Assert.Fail($"Exp({xs[8 * v + lane]:R}) = {y:R} < Exp of the previous double = {prev:R}");
                    prev = y;
                }
            }
        }
    }

    [Test]
    public void Exp_Lanes_AgreeWithBroadcast()
    {
        var xs = Sample(80_000, u => 1400 * u - 700);
        for (int i = 0; i < xs.Length; i += 8)
        {
            var e = VectorMath.Exp(Vector512.Create(xs.AsSpan(i, 8)));
            for (int lane = 0; lane < 8; lane++)
                Assert.That(e.GetElement(lane), Is.EqualTo(Lane(VectorMath.Exp, xs[i + lane])));
        }
    }

    [Test]
    public void Lookup16_Portable_AgreesWithPermute_AndIgnoresHighBits()
    {
        var lower = Vector512.Create(10UL, 11, 12, 13, 14, 15, 16, 17);
        var upper = Vector512.Create(20UL, 21, 22, 23, 24, 25, 26, 27);
        var rng = new PathStream(5, 0);
        for (int k = 0; k < 1000; k++)
        {
            var idx = new ulong[8];
            for (int lane = 0; lane < 8; lane++) idx[lane] = k < 2 ? (ulong)(8 * k + lane) : rng.NextBits();
            var index = Vector512.Create(idx);
            var portable = VectorMath.Lookup16Portable(lower, index, upper);
            Assert.That(VectorMath.Lookup16(lower, index, upper), Is.EqualTo(portable));
            for (int lane = 0; lane < 8; lane++)
            {
                ulong j = idx[lane] & 15;
                Assert.That(portable.GetElement(lane), Is.EqualTo(j < 8 ? 10 + j : 12 + j));
            }
        }
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
