using MinerSim.Scenarios;

namespace MinerSim.Tests.Questions;

/// <summary>Small scenarios built in code for the price-model and question tests.</summary>
internal static class QuestionScenarios
{
    /// <summary>One cheap cohort, no price impact: the price is the model's alone.</summary>
    public static Scenario OneCohort(PriceSpec price, int days) => new()
    {
        Name = "test",
        Days = days,
        Price = price,
        Fees = new FeeSpec { Median = 0.025, Sigma = 0.3 },
        Network = new NetworkSpec { Hd0 = 1000, Height0 = 925_000 },
        Market = new MarketSpec { Theta = 0.7, OtcDays = 5, MuE = 1000, SigmaE = 3000, PhiE = 0.6, RhoEP = 0.3 },
        Cohorts =
        [
            new CohortSpec
            {
                Name = "all", K0 = 1000, Tiers = [new TierSpec { Weight = 1, Efficiency = 20 }],
                PMedian = 0.04, PSpread = 0.3, Opex = 4000, Capex = 8000, I0 = 50_000,
                PhiCalm = new UniformRange { Lo = 0.5, Hi = 0.5 }, PhiNear = 0.8,
            },
        ],
    };
}
