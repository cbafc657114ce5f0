using MinerSim.Network;

namespace MinerSim.Tests.Network;

public sealed class RetargetTests
{
    // Bitcoin Core src/test/pow_tests.cpp: get_next_work, get_next_work_pow_limit,
    // get_next_work_lower_limit_actual, get_next_work_upper_limit_actual (mainnet params).
    [TestCase(0x1d00ffffU, 1261130161L, 1262152739L, 0x1d00d86aU, TestName = "Retarget_MatchesBitcoinCoreVectors(get_next_work, blocks 30240-32255)")]
    [TestCase(0x1d00ffffU, 1231006505L, 1233061996L, 0x1d00ffffU, TestName = "Retarget_MatchesBitcoinCoreVectors(get_next_work_pow_limit, blocks 0-2015)")]
    [TestCase(0x1c05a3f4U, 1279008237L, 1279297671L, 0x1c0168fdU, TestName = "Retarget_MatchesBitcoinCoreVectors(get_next_work_lower_limit_actual, blocks 66528-68543)")]
    [TestCase(0x1c387f6fU, 1263163443L, 1269211443L, 0x1d00e1fdU, TestName = "Retarget_MatchesBitcoinCoreVectors(get_next_work_upper_limit_actual, first time not a block time)")]
    public void Retarget_MatchesBitcoinCoreVectors(uint bits, long first, long last, uint expected)
    {
        Assert.That(Retarget.NextWorkRequired(bits, first, last), Is.EqualTo(expected));
        // Core caps at the full powLimit 2^224 - 1; the compact result is the same.
        Assert.That(Retarget.NextWorkRequired(bits, first, last, Retarget.MainnetPowLimit), Is.EqualTo(expected));
    }

    [Test]
    public void Retarget_FirstMainnetDifficultyChange_Block32256()
    {
        // Block 32256 is mainnet's first difficulty change: 0x1d00ffff -> 0x1d00d86a, timestamps of
        // blocks 30240 and 32255 as in Core's get_next_work vector; difficulty 1 -> 1.1829.
        uint next = Retarget.NextWorkRequired(0x1d00ffff, 1261130161, 1262152739);
        Assert.That(next, Is.EqualTo(0x1d00d86aU));
        Assert.That(Difficulty.FromBits(next), Is.EqualTo(1.1829).Within(5e-5));
    }

    [Test]
    public void NextWorkRequired_NegativeTimespan_ClampsLikeCore()
    {
        // Core clamps last - first even when it is negative: the target shrinks by the full factor 4.
        uint fromNegative = Retarget.NextWorkRequired(0x1c05a3f4, 1279297671, 1279008237);
        uint fromMinimum = Retarget.NextWorkRequired(0x1c05a3f4, 0, Retarget.MinTimespan);
        Assert.That(fromNegative, Is.EqualTo(fromMinimum));
        Assert.That(fromNegative, Is.EqualTo(0x1c0168fdU));
    }

    [Test]
    public void NextWorkRequired_TwoWeeks_KeepsBits()
    {
        Assert.That(Retarget.NextWorkRequired(0x17034267, 1_700_000_000, 1_700_000_000 + Retarget.TargetTimespan), Is.EqualTo(0x17034267U));
    }

    [Test]
    public void NextWorkRequired_LongEpoch_CappedAtPowLimit()
    {
        Assert.That(Retarget.NextWorkRequired(0x1c387f6f, 0, 100 * Retarget.TargetTimespan), Is.EqualTo(0x1d00e1fdU));
        Assert.That(Retarget.NextWorkRequired(0x1d00ffff, 0, 100 * Retarget.TargetTimespan), Is.EqualTo(0x1d00ffffU));
    }

    [TestCase(1_209_600.0, 1.0)]
    [TestCase(604_800.0, 2.0)]
    [TestCase(2_419_200.0, 0.5)]
    [TestCase(1.0, 4.0)]
    [TestCase(-5.0, 4.0)]
    [TestCase(302_400.0, 4.0)]
    [TestCase(4_838_400.0, 0.25)]
    [TestCase(1e12, 0.25)]
    public void Factor_ClampsSpanToQuarterAndFourTimesTwoWeeks(double span, double expected)
    {
        Assert.That(Retarget.Factor(span), Is.EqualTo(expected));
    }

    [Test]
    public void Factor_NaN_IsNaN()
    {
        Assert.That(Retarget.Factor(double.NaN), Is.NaN);
    }

    [Test]
    public void NextDifficulty_ScalesByFactor()
    {
        Assert.That(Retarget.NextDifficulty(150e12, 1_382_400), Is.EqualTo(150e12 * 1_209_600 / 1_382_400).Within(1e-3));
        Assert.That(Retarget.NextDifficulty(1, 0), Is.EqualTo(4.0));
    }
}
