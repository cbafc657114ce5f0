using MinerSim.Market;

namespace MinerSim.Tests.Market;

public sealed class ClosedFormStressTableTests
{
    private static readonly string[] CaseNames = ["base", "conservative", "severe"];

    [Test]
    public void Compute_Defaults_ReproduceArticleTable()
    {
        // MODEL.md section 8: F = 144 * 3.125 = 450, 13,500 a month; 225, 533.3, 616.7 BTC a day.
        var t = ClosedFormStressTable.Compute(new ClosedFormStressInputs());
        Assert.Multiple(() =>
        {
            Assert.That(t.DailyIssuance, Is.EqualTo(450.0));
            Assert.That(t.MonthlyIssuance, Is.EqualTo(13_500.0));
            Assert.That(t.Cases.Select(c => c.Name), Is.EqualTo(CaseNames));
            Assert.That(t.Cases[0].BtcPerDay, Is.EqualTo(225.0));
            Assert.That(t.Cases[1].BtcPerDay, Is.EqualTo(450 + 5000.0 / 60).Within(1e-9));
            Assert.That(t.Cases[1].BtcPerDay, Is.EqualTo(533.333).Within(0.001));
            Assert.That(t.Cases[2].BtcPerDay, Is.EqualTo(616.667).Within(0.001));
        });
    }

    [Test]
    public void Compute_Defaults_SevereIsSixToTwelvePercentOfEtfDays()
    {
        var severe = ClosedFormStressTable.Compute(new ClosedFormStressInputs()).Cases[2];
        Assert.That(severe.EtfShares[0], Is.EqualTo(0.1233).Within(1e-4));
        Assert.That(severe.EtfShares[1], Is.EqualTo(0.0617).Within(1e-4));
    }

    [Test]
    public void Compute_ChangedInputs_ChangeOutputs()
    {
        var t = ClosedFormStressTable.Compute(new ClosedFormStressInputs
        {
            Subsidy = 1.5625,
            Inventory = 90_000,
            MonthDays = 31,
            BaseSaleShare = 0.2,
            SevereInventoryShare = 0.5,
            SevereDays = 30,
            EtfDays = [2_000],
        });
        Assert.Multiple(() =>
        {
            Assert.That(t.DailyIssuance, Is.EqualTo(225.0));
            Assert.That(t.MonthlyIssuance, Is.EqualTo(6_975.0));
            Assert.That(t.Cases[0].BtcPerDay, Is.EqualTo(45.0));
            Assert.That(t.Cases[1].BtcPerDay, Is.EqualTo(225 + 9000.0 / 60).Within(1e-9));
            Assert.That(t.Cases[2].BtcPerDay, Is.EqualTo(225 + 1500.0).Within(1e-9));
            Assert.That(t.Cases[2].EtfShares, Has.Count.EqualTo(1));
            Assert.That(t.Cases[2].EtfShares[0], Is.EqualTo(1725.0 / 2000).Within(1e-12));
        });
    }

    [Test]
    public void Compute_PositiveInventoryShareWithZeroDays_Throws()
    {
        Assert.That(() => ClosedFormStressTable.Compute(new ClosedFormStressInputs { SevereDays = 0 }), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
