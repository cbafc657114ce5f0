using MinerSim.Cli.Scenarios;
using MinerSim.Kernel;
using MinerSim.Metrics;
using MinerSim.Network;

namespace MinerSim.Tests.Questions;

/// <summary>The halving-2028 sample crosses height 1,050,000 and issuance halves there.</summary>
public sealed class HalvingTests
{
    [Test]
    public void Halving2028_RewardPerBlock_StepsDownAtHeight1050000()
    {
        // Fees off, so a day's production is blocks x subsidy. Production comes from inventory and
        // sales (Q_t = I_t - I_{t-1} + S_t), blocks from hashrate and the difficulty at the start
        // of the day (B_t = 144 H_t / HD_{t-1}), and the height by adding up blocks: all three
        // independent of the kernel's own height, so this checks Subsidy.AtHeight inside it.
        var loaded = ScenarioFiles.Load(TestScenarios.PathOf("halving-2028"));
        var s = loaded.Scenario with { Fees = loaded.Scenario.Fees with { Median = 0, Sigma = 0 } };
        var model = loaded.Compile(scenario: s);
        const int N = 64;
        var inventory = PriceTrace.Run(model, N, 1, DailyMetric.MinerInventory).Values;
        var sales = PriceTrace.Run(model, N, 1, DailyMetric.MinerSales).Values;
        var hashrate = PriceTrace.Run(model, N, 1, DailyMetric.Hashrate).Values;
        var hd = PriceTrace.Run(model, N, 1, DailyMetric.DifficultyHashrate).Values;
        int crossed = 0;
        for (int p = 0; p < N; p++)
        {
            double height = s.Network.Height0, previousInventory = model.InitialInventory, hdStart = s.Network.Hd0;
            int? halvingDay = null;
            for (int t = 0; t < model.Days; t++)
            {
                double production = inventory[p][t] - previousInventory + sales[p][t];
                double blocks = 144 * hashrate[p][t] / hdStart;
                double expected = Subsidy.AtHeight(height);
                Assert.That(production / blocks, Is.EqualTo(expected).Within(1e-9 * expected), $"path {p} day {t} height {height:F0}");
                if (expected == 1.5625 && halvingDay is null) halvingDay = t;
                previousInventory = inventory[p][t];
                hdStart = hd[p][t];
                height += blocks;
            }

            if (halvingDay is int day)
            {
                crossed++;
                Assert.That(day, Is.InRange(300, 729), $"path {p}: halving on day {day}");
            }
        }

        // Paths whose price collapses lose most of their hashrate and mine slowly until
        // difficulty catches up; a few do not reach the halving within two years.
        Assert.That(crossed, Is.GreaterThanOrEqualTo(3 * N / 4), "most paths cross 1,050,000 within two years");
    }

    [Test]
    public void Halving2028_IssuanceBands_ShowTheStep()
    {
        var loaded = ScenarioFiles.Load(TestScenarios.PathOf("halving-2028"));
        var bands = MinerSim.Questions.IssuanceAnalysis.Run(loaded.Compile(), 1, 512, 2);
        int day = bands.MedianHalvingDay ?? -1;
        // 72,000 blocks to go at about 144 a day: about 500 days.
        Assert.That(day, Is.InRange(470, 540));
        Assert.That(bands.P50[day - 10], Is.GreaterThan(1.6 * bands.P50[day + 10]), "median issuance at least 1.6x lower after the halving");
        Assert.That(bands.P50[day - 10], Is.EqualTo(144 * (3.125 + 0.025)).Within(0.05 * 144 * 3.15), "about 144 blocks a day before it");
    }
}
