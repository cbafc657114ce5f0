using MinerSim.Aggregation;
using MinerSim.Random;

namespace MinerSim.Tests.Aggregation;

public sealed class NumpyQuantileTests
{
    [Test]
    public void OfSorted_MatchesNumpyLinear_KnownValues()
    {
        // numpy.percentile([1, 2, 3, 4], [1, 5, 25, 50, 75, 95, 99]) =
        // [1.03, 1.15, 1.75, 2.5, 3.25, 3.85, 3.97]
        double[] x = [1, 2, 3, 4];
        double[] expected = [1.03, 1.15, 1.75, 2.5, 3.25, 3.85, 3.97];
        for (int l = 0; l < QuantileLevels.Count; l++)
        {
            Assert.That(NumpyQuantile.OfSorted(x, QuantileLevels.Values[l]), Is.EqualTo(expected[l]).Within(1e-12));
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(7)]
    [TestCase(100)]
    [TestCase(1001)]
    [TestCase(20000)]
    public void Levels_BySelection_EqualsFullSort(int n)
    {
        var rng = new PathStream(3, n);
        var values = new double[n];
        for (int i = 0; i < n; i++) values[i] = Math.Round(rng.NextOpen() * 50); // ties on purpose
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var result = new double[QuantileLevels.Count];
        NumpyQuantile.Levels(values, result);
        for (int l = 0; l < QuantileLevels.Count; l++)
        {
            Assert.That(result[l], Is.EqualTo(NumpyQuantile.OfSorted(sorted, QuantileLevels.Values[l])));
        }
    }
}
