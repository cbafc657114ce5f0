using MinerSim.Aggregation;
using MinerSim.Charts;
using MinerSim.Charts.Reports;

namespace MinerSim.Cli.Output;

/// <summary>Writes a finished run's folder (CSV files, manifest, scenario, optionally charts and report) atomically.</summary>
internal static class RunOutput
{
    public static void Write(string outDir, RunResult result, string scenarioJson, bool charts)
    {
        RunFolder.WriteAtomically(outDir, dir =>
        {
            RunFolderWriter.Write(dir, result, scenarioJson);
            if (charts)
            {
                ChartSet.WriteAll(dir, result);
                ReportWriter.Write(dir, result, scenarioJson);
            }
        });
    }
}
