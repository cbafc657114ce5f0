using System.Runtime.Intrinsics;
using MinerSim.Kernel;
using MinerSim.Network;

namespace MinerSim.Tests.Kernel;

/// <summary>The kernel's division-free vector subsidy against the scalar rule <see cref="Subsidy.AtHeight"/>, bit for bit.</summary>
public sealed class SubsidyKernelTests
{
    private static void AssertSameBits(double[] heights)
    {
        for (int i = 0; i < heights.Length; i += 8)
        {
            var v = BlockKernel.Subsidy(Vector512.Create(heights, i));
            for (int l = 0; l < 8; l++)
            {
                double h = heights[i + l];
                Assert.That(BitConverter.DoubleToInt64Bits(v.GetElement(l)), Is.EqualTo(BitConverter.DoubleToInt64Bits(Subsidy.AtHeight(h))), $"height {h:R}");
            }
        }
    }

    /// <summary>
    /// Both forms are monotone in the height, so they agree everywhere once they agree around every step:
    /// 4096 doubles on either side of each multiple n 210000 (n = 1 .. 65), where the reciprocal's rounding
    /// could move the floor, and the exact multiples themselves.
    /// </summary>
    [Test]
    public void Subsidy_MatchesScalarRule_AroundEveryHalving()
    {
        const int side = 4096;
        var heights = new List<double>();
        for (int n = 1; n <= 65; n++)
        {
            double t = n * 210_000.0;
            double below = t, above = t;
            heights.Add(t);
            for (int k = 0; k < side - 1; k++)
            {
                below = Math.BitDecrement(below);
                above = Math.BitIncrement(above);
                heights.Add(below);
                heights.Add(above);
            }

            heights.Add(Math.BitDecrement(below));
        }

        Assert.That(heights.Count % 8, Is.EqualTo(0));
        AssertSameBits(heights.ToArray());
    }

    [Test]
    public void Subsidy_MatchesScalarRule_FromZeroToInfinity()
    {
        var heights = new List<double> { 0.0, -0.0, double.Epsilon, 1.0, 209_999.5, 13_439_999.999999998, 13_440_000.0, 1e9, 1e16, 1e300, double.MaxValue, double.PositiveInfinity };
        for (long h = 0; h < 14_000_000; h += 997) heights.Add(h + 0.25);
        while (heights.Count % 8 != 0) heights.Add(0.5);
        AssertSameBits(heights.ToArray());
    }
}
