using MinerSim.Aggregation;

namespace MinerSim.Cli.Output;

/// <summary>Names and CSV headers of the files in a run folder (README.md, "Outputs").</summary>
internal static class RunFolderFiles
{
    public const string Percentiles = "percentiles.csv";
    public const string Summary = "summary.csv";
    public const string Histograms = "histograms.csv";
    public const string Manifest = "manifest.json";
    public const string Scenario = "scenario.json";

    /// <summary><c>metric,day,p1,p5,p25,p50,p75,p95,p99,mean</c>.</summary>
    public static string PercentilesHeader { get; } = "metric,day," + string.Join(',', QuantileLevels.Names) + ",mean";

    /// <summary><c>metric,p1,p5,p25,p50,p75,p95,p99,mean,es95,es99</c>.</summary>
    public static string SummaryHeader { get; } = "metric," + string.Join(',', QuantileLevels.Names) + ",mean,es95,es99";

    /// <summary><c>metric,bin,lo,hi,count</c>.</summary>
    public const string HistogramsHeader = "metric,bin,lo,hi,count";
}
