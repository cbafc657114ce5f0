using CommandLine;
using CommandLine.Text;
using MinerSim.Charts;
using MinerSim.Charts.Reports;
using MinerSim.Cli.Hosting;
using MinerSim.Cli.Output;

namespace MinerSim.Cli.Verbs;

/// <summary><c>minersim plot --in DIR</c>: redraws every chart and <c>report.html</c> from a run folder's files.</summary>
[Verb("plot", HelpText = "Redraw the charts and report.html of a run folder from its CSV files, manifest and scenario.")]
internal sealed class PlotVerb : IVerb
{
    [Option("in", Required = true, MetaValue = "DIR", HelpText = "Run folder (holds percentiles.csv, summary.csv, histograms.csv, manifest.json, scenario.json).")]
    public string In { get; set; } = string.Empty;

    [Usage(ApplicationAlias = "minersim")]
    public static IEnumerable<Example> Examples =>
    [
        new("Redraw the charts of a run", new PlotVerb { In = "runs/reference-s1" }),
    ];

    public int Execute(CliContext context)
    {
        if (string.IsNullOrWhiteSpace(In))
        {
            throw new UsageException("--in: give the run folder to redraw");
        }

        var (result, scenarioJson) = RunFolderReader.Read(In);
        context.CancellationToken.ThrowIfCancellationRequested();
        var charts = ChartSet.WriteAll(In, result);
        context.CancellationToken.ThrowIfCancellationRequested();
        string report = ReportWriter.Write(In, result, scenarioJson);
        context.Out.WriteLine($"{In}: wrote {charts.Count} chart files and {Path.GetFileName(report)}");
        return ExitCodes.Ok;
    }
}
