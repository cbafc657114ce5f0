using System.Globalization;
using System.Numerics;
using MinerSim.Network;

namespace MinerSim.Tests.Network;

public sealed class CompactTargetTests
{
    // Bitcoin Core src/test/arith_uint256_tests.cpp, test case "bignum_SetCompact":
    // compact, GetHex() of the decoded value, GetCompact(fNegative) of it, fNegative, fOverflow.
    [TestCase(0x00000000U, "0", 0x00000000U, false, false)]
    [TestCase(0x00123456U, "0", 0x00000000U, false, false)]
    [TestCase(0x01003456U, "0", 0x00000000U, false, false)]
    [TestCase(0x02000056U, "0", 0x00000000U, false, false)]
    [TestCase(0x03000000U, "0", 0x00000000U, false, false)]
    [TestCase(0x04000000U, "0", 0x00000000U, false, false)]
    [TestCase(0x00923456U, "0", 0x00000000U, false, false)]
    [TestCase(0x01803456U, "0", 0x00000000U, false, false)]
    [TestCase(0x02800056U, "0", 0x00000000U, false, false)]
    [TestCase(0x03800000U, "0", 0x00000000U, false, false)]
    [TestCase(0x04800000U, "0", 0x00000000U, false, false)]
    [TestCase(0x01123456U, "12", 0x01120000U, false, false)]
    [TestCase(0x01fedcbaU, "7e", 0x01fe0000U, true, false)]
    [TestCase(0x02123456U, "1234", 0x02123400U, false, false)]
    [TestCase(0x03123456U, "123456", 0x03123456U, false, false)]
    [TestCase(0x04123456U, "12345600", 0x04123456U, false, false)]
    [TestCase(0x04923456U, "12345600", 0x04923456U, true, false)]
    [TestCase(0x05009234U, "92340000", 0x05009234U, false, false)]
    [TestCase(0x20123456U, "1234560000000000000000000000000000000000000000000000000000000000", 0x20123456U, false, false)]
    public void SetCompactGetCompact_MatchesBitcoinCoreVectors(uint compact, string hex, uint reencoded, bool negative, bool overflow)
    {
        var value = CompactTarget.Decode(compact, out bool isNegative, out bool isOverflow);
        Assert.Multiple(() =>
        {
            Assert.That(value, Is.EqualTo(BigInteger.Parse("0" + hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)));
            Assert.That(isNegative, Is.EqualTo(negative));
            Assert.That(isOverflow, Is.EqualTo(overflow));
            Assert.That(CompactTarget.Encode(value, negative), Is.EqualTo(reencoded));
        });
    }

    [Test]
    public void SetCompact_HugeExponent_FlagsOverflowLikeCore()
    {
        CompactTarget.Decode(0xff123456, out bool negative, out bool overflow);
        Assert.That(negative, Is.False);
        Assert.That(overflow, Is.True);
    }

    [Test]
    public void GetCompact_NeverSetsSignBitForPositiveValues()
    {
        // Core: "Make sure that we don't generate compacts with the 0x00800000 bit set": num = 0x80.
        Assert.That(CompactTarget.Encode(0x80), Is.EqualTo(0x02008000U));
    }

    [Test]
    public void Encode_MainnetPowLimit_Is1d00ffff()
    {
        Assert.That(CompactTarget.Encode(Retarget.MainnetPowLimit), Is.EqualTo(0x1d00ffffU));
        Assert.That(CompactTarget.Decode(0x1d00ffff), Is.EqualTo(new BigInteger(0xffff) << 208));
    }

    [Test]
    public void Encode_OutOfRange_Throws()
    {
        Assert.That(() => CompactTarget.Encode(BigInteger.MinusOne), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => CompactTarget.Encode(BigInteger.One << 256), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
