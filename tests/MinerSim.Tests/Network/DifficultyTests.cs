using MinerSim.Network;

namespace MinerSim.Tests.Network;

public sealed class DifficultyTests
{
    // Bitcoin Core src/test/blockchain_tests.cpp (get_difficulty_for_*_target), compared as Core
    // does with an absolute tolerance of 1e-5.
    [TestCase(0x1f111111U, 0.000001)]
    [TestCase(0x1ef88f6fU, 0.000016)]
    [TestCase(0x1df88f6fU, 0.004023)]
    [TestCase(0x1cf88f6fU, 1.029916)]
    [TestCase(0x12345678U, 5913134931067755359633408.0)]
    public void FromBits_MatchesBitcoinCoreVectors(uint bits, double expected)
    {
        Assert.That(Difficulty.FromBits(bits), Is.EqualTo(expected).Within(1e-5));
    }

    [Test]
    public void FromBits_GenesisBits_IsOne()
    {
        Assert.That(Difficulty.FromBits(Difficulty.OneBits), Is.EqualTo(1.0));
    }
}
