namespace MinerSim.Benchmarks.Guard;

/// <summary>A base-versus-change comparison of one benchmark's samples (times, smaller is better).</summary>
/// <param name="Name">Benchmark or workload.</param>
/// <param name="Base">Median of the base build's samples.</param>
/// <param name="Change">Median of the change's samples.</param>
/// <param name="Ratio">Change / base of the medians.</param>
/// <param name="RatioLow">Lower end of the ratio's 95 % bootstrap interval.</param>
/// <param name="RatioHigh">Upper end.</param>
/// <param name="PValue">One-sided Mann-Whitney p-value of "the change is slower than the base".</param>
/// <param name="Slower">Regression: significantly slower (p below the level) and the ratio of medians beyond 1 + threshold.</param>
public sealed record AbComparison(string Name, double Base, double Change, double Ratio, double RatioLow, double RatioHigh, double PValue, bool Slower);

/// <summary>
/// The A/B gate's statistics: a regression is a change that is both significant (one-sided Mann-Whitney U test, normal
/// approximation with tie and continuity corrections: the change's times tend to exceed the base's) and larger than a
/// relative threshold (median of the change over median of the base above 1 + threshold), with a percentile bootstrap
/// interval for that ratio from a fixed seed (the verdict of the same samples never changes).
/// </summary>
public static class AbStatistics
{
    /// <summary>Compares <paramref name="baseSamples"/> with <paramref name="changeSamples"/>.</summary>
    /// <param name="name">What is compared.</param>
    /// <param name="baseSamples">Times of the base build.</param>
    /// <param name="changeSamples">Times of the change.</param>
    /// <param name="threshold">Relative slowdown that counts (0.10: 10 %).</param>
    /// <param name="alpha">Significance level of the one-sided test.</param>
    public static AbComparison Compare(string name, IReadOnlyList<double> baseSamples, IReadOnlyList<double> changeSamples, double threshold, double alpha)
    {
        ArgumentNullException.ThrowIfNull(baseSamples);
        ArgumentNullException.ThrowIfNull(changeSamples);
        if (baseSamples.Count == 0 || changeSamples.Count == 0) throw new ArgumentException($"{name}: no samples to compare");
        double b = Median(baseSamples), c = Median(changeSamples);
        var (low, high) = RatioInterval(baseSamples, changeSamples);
        double p = SlowerPValue(baseSamples, changeSamples);
        return new AbComparison(name, b, c, c / b, low, high, p, p < alpha && c / b > 1.0 + threshold);
    }

    /// <summary>
    /// One-sided Mann-Whitney p-value for "values of <paramref name="y"/> tend to exceed those of <paramref name="x"/>":
    /// U counts the pairs with y above x (ties a half); large U is evidence. Normal approximation with the tie-corrected
    /// variance and a continuity correction of 1/2.
    /// </summary>
    public static double SlowerPValue(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        int n = x.Count, m = y.Count;
        var all = x.Select(v => (Value: v, FromY: false)).Concat(y.Select(v => (Value: v, FromY: true))).OrderBy(t => t.Value).ToArray();
        double rankSumY = 0, tieTerm = 0;
        for (int i = 0; i < all.Length;)
        {
            int j = i;
            while (j < all.Length && all[j].Value == all[i].Value) j++;
            double rank = (i + 1 + j) / 2.0; // mean of ranks i+1 .. j
            for (int k = i; k < j; k++) if (all[k].FromY) rankSumY += rank;
            double t = j - i;
            tieTerm += t * t * t - t;
            i = j;
        }

        double u = rankSumY - m * (m + 1) / 2.0;
        double mean = n * m / 2.0;
        int total = n + m;
        double variance = n * m / 12.0 * (total + 1 - tieTerm / ((double)total * (total - 1)));
        if (!(variance > 0)) return u > mean ? 0.0 : 1.0;
        double z = (u - mean - 0.5) / Math.Sqrt(variance);
        return 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(z / Math.Sqrt(2.0));
    }

    /// <summary>Median (mean of the two middle values for an even count).</summary>
    public static double Median(IReadOnlyList<double> xs)
    {
        var s = xs.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
    }

    /// <summary>95 % percentile bootstrap interval of median(change) / median(base), 2,000 resamples, seed 1.</summary>
    public static (double Low, double High) RatioInterval(IReadOnlyList<double> baseSamples, IReadOnlyList<double> changeSamples)
    {
        var rng = new System.Random(1);
        var ratios = new double[2000];
        var bs = new double[baseSamples.Count];
        var cs = new double[changeSamples.Count];
        for (int r = 0; r < ratios.Length; r++)
        {
            for (int i = 0; i < bs.Length; i++) bs[i] = baseSamples[rng.Next(bs.Length)];
            for (int i = 0; i < cs.Length; i++) cs[i] = changeSamples[rng.Next(cs.Length)];
            ratios[r] = Median(cs) / Median(bs);
        }

        Array.Sort(ratios);
        return (ratios[(int)(0.025 * ratios.Length)], ratios[(int)(0.975 * ratios.Length) - 1]);
    }
}
