using MinerSim.Network;

namespace MinerSim.Tests.Network;

public sealed class SubsidyTests
{
    [TestCase(0.0, 50.0)]
    [TestCase(209_999.0, 50.0)]
    [TestCase(210_000.0, 25.0)]
    [TestCase(629_999.0, 12.5)]
    [TestCase(840_000.0, 3.125)]
    [TestCase(925_000.5, 3.125)]
    [TestCase(1_049_999.0, 3.125)]
    [TestCase(1_050_000.0, 1.5625)]
    [TestCase(6_930_000.0, 5.820766091346741e-9)] // 33 halvings: 50 / 2^33
    [TestCase(13_439_999.0, 5.421010862427522e-18)] // 63 halvings: 50 / 2^63
    [TestCase(13_440_000.0, 0.0)] // 64 halvings
    [TestCase(1e12, 0.0)]
    public void AtHeight_HalvesEvery210000Blocks(double height, double expected)
    {
        Assert.That(Subsidy.AtHeight(height), Is.EqualTo(expected));
    }

    [Test]
    public void AtHeight_IsExactPowerOfTwoFraction_ForEveryHalving()
    {
        for (int n = 0; n < 64; n++)
        {
            Assert.That(Subsidy.AtHeight(n * 210_000.0), Is.EqualTo(50.0 / Math.Pow(2, n)), $"halving {n}");
        }
    }

    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    public void AtHeight_NegativeOrNaN_Throws(double height)
    {
        Assert.That(() => Subsidy.AtHeight(height), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    // Bitcoin Core GetBlockSubsidy: 50 * COIN >> halvings, whole satoshis.
    [TestCase(0L, 5_000_000_000L)]
    [TestCase(840_000L, 312_500_000L)]
    [TestCase(1_050_000L, 156_250_000L)]
    [TestCase(2_100_000L, 4_882_812L)] // 10 halvings: Core truncates 4,882,812.5 satoshis
    [TestCase(6_930_000L, 0L)] // 33 halvings: below one satoshi
    [TestCase(13_440_000L, 0L)]
    public void SatoshisAtHeight_MatchesBitcoinCoreGetBlockSubsidy(long height, long expected)
    {
        Assert.That(Subsidy.SatoshisAtHeight(height), Is.EqualTo(expected));
    }
}
