using MinerSim.Cli.Verbs;

namespace MinerSim.Cli.Hosting;

/// <summary>Every verb of <c>minersim</c>, in the order <c>--help</c> lists them.</summary>
internal static class VerbCatalog
{
    public static readonly Type[] Types =
    [
        typeof(RunVerb),
        typeof(MergeVerb),
        typeof(ValidateVerb),
        typeof(RetargetVerb),
        typeof(ScenariosVerb),
        typeof(PlotVerb),
        typeof(CompareVerb),
        typeof(SpiralVerb),
        typeof(SensitivityVerb),
        typeof(IssuanceVerb),
        typeof(BacktestVerb),
        typeof(CalibrateVerb),
    ];
}
