using MinerSim.Benchmarks.Guard;

namespace MinerSim.Tests.Benchmarks;

/// <summary>The A/B gate's statistics on synthetic samples: what it must catch and what it must let pass.</summary>
public sealed class AbStatisticsTests
{
    private static double[] Noisy(double center, double spread, int n, int seed)
    {
        var rng = new System.Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => center * (1 + spread * (rng.NextDouble() - 0.5)))];
    }

    [Test]
    public void MannWhitney_MatchesTheExactDistribution_ForSmallSamples()
    {
        // x = {1,2,3}, y = {4,5,6}: U = 9 is the largest of C(6,3) = 20 equally likely splits, exact p = 1/20.
        double p = AbStatistics.SlowerPValue([1, 2, 3], [4, 5, 6]);
        Assert.That(p, Is.EqualTo(0.05).Within(0.02));
        Assert.That(AbStatistics.SlowerPValue([4, 5, 6], [1, 2, 3]), Is.GreaterThan(0.95));
        Assert.That(AbStatistics.SlowerPValue([1, 2, 3, 4], [1, 2, 3, 4]), Is.EqualTo(0.5).Within(0.2));
    }

    [Test]
    public void ThirtyPercentSlower_IsCaught_AtATwentyFivePercentThreshold()
    {
        var cmp = AbStatistics.Compare("kernel", Noisy(50, 0.06, 9, 1), Noisy(65, 0.06, 9, 2), threshold: 0.25, alpha: 0.01);
        Assert.That(cmp.Slower, Is.True);
        Assert.That(cmp.Ratio, Is.EqualTo(1.3).Within(0.05));
        Assert.That(cmp.RatioLow, Is.GreaterThan(1.2));
    }

    [Test]
    public void Unchanged_OrSlowerOnlyWithinTheThreshold_Passes()
    {
        Assert.That(AbStatistics.Compare("same", Noisy(50, 0.3, 9, 3), Noisy(50, 0.3, 9, 4), 0.25, 0.01).Slower, Is.False);
        Assert.That(AbStatistics.Compare("10% slower", Noisy(50, 0.06, 9, 5), Noisy(55, 0.06, 9, 6), 0.25, 0.01).Slower, Is.False);
        // Faster is never a regression.
        var faster = AbStatistics.Compare("faster", Noisy(50, 0.06, 9, 7), Noisy(30, 0.06, 9, 8), 0.10, 0.01);
        Assert.That(faster.Slower, Is.False);
        Assert.That(faster.Ratio, Is.LessThan(0.7));
    }

    [Test]
    public void RatioInterval_IsDeterministic_AndHoldsTheRatio()
    {
        var a = Noisy(10, 0.2, 12, 9);
        var b = Noisy(12, 0.2, 12, 10);
        var first = AbStatistics.RatioInterval(a, b);
        Assert.That(AbStatistics.RatioInterval(a, b), Is.EqualTo(first));
        double ratio = AbStatistics.Median(b) / AbStatistics.Median(a);
        Assert.That(ratio, Is.InRange(first.Low, first.High));
    }
}
