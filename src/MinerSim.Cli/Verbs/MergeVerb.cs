using CommandLine;
using CommandLine.Text;
using MinerSim.Aggregation;
using MinerSim.Cli.Hosting;
using MinerSim.Cli.Output;
using MinerSim.Simulation;

namespace MinerSim.Cli.Verbs;

/// <summary>
/// <c>minersim merge</c>: combines the partial results of <c>minersim run --shard i/n</c> into the
/// run folder an unsplit run writes. Sums are exact and sketches are integer counts, so
/// percentiles.csv, summary.csv and histograms.csv are byte-identical to the unsplit run's.
/// </summary>
[Verb("merge", HelpText = "Combine the partial results of 'run --shard i/n' into one run folder (the same files as an unsplit run).")]
internal sealed class MergeVerb : IVerb
{
    [Option("out", Required = true, HelpText = "Output run folder. Must not exist yet.")]
    public string Out { get; set; } = string.Empty;

    [Value(0, MetaName = "PARTIAL", Required = true, HelpText = "Partial result folders, one per shard (e.g. runs/part-*).")]
    public IEnumerable<string> Partials { get; set; } = [];

    [Option("threads", HelpText = "Threads for the percentiles (default: all cores). Does not change the results.")]
    public int? Threads { get; set; }

    [Option("no-charts", HelpText = "Write the CSV files and manifest only (no PNG/SVG charts, no report).")]
    public bool NoCharts { get; set; }

    [Usage(ApplicationAlias = "minersim")]
    public static IEnumerable<Example> Examples =>
    [
        new("Merge the 8 shards of a run", new MergeVerb { Out = "runs/nightly", Partials = ["runs/part-0", "runs/part-1", "...", "runs/part-7"] }),
    ];

    public int Execute(CliContext context)
    {
        int threads = Threads ?? Environment.ProcessorCount;
        OptionChecks.InRange("--threads", threads, 1, 1024);
        RunFolder.EnsureAbsent(Out);
        var dirs = Partials.ToList();
        if (dirs.Count == 0) throw new UsageException("merge: give the partial result folders to merge");

        var parts = PartialSet.Check([.. dirs.Select(d => new PartialSet.Part(d, PartialFolder.ReadManifest(d)))]);
        var first = parts[0].Manifest;
        var method = first.QuantileMethod == "exact" ? QuantileMethod.Exact : QuantileMethod.Sketch;
        var aggregate = new RunAggregate(first.Paths, first.Days, first.BlockSize, method);
        foreach (var part in parts)
        {
            var blocks = PartialFolder.LoadInto(part.Dir, aggregate);
            var expected = new ShardPlan(part.Manifest.ShardIndex, part.Manifest.ShardCount).Blocks(aggregate.BlockCount);
            if (!blocks.SequenceEqual(expected))
            {
                throw new InvalidDataException($"merge: {part.Dir} holds {blocks.Length} blocks, shard {part.Manifest.ShardIndex}/{part.Manifest.ShardCount} has {expected.Length}; rerun that shard");
            }
        }

        double wall = parts.Sum(p => p.Manifest.WallSeconds);
        var info = first.ToRunInfo(wall, parts.Max(p => p.Manifest.Threads));
        var result = ResultBuilder.Build(aggregate, info, threads);
        RunOutput.Write(Out, result, PartialFolder.ReadScenario(parts[0].Dir), !NoCharts);
        RunConsoleTable.Write(context.Out, result);
        context.Out.WriteLine($"merged {parts.Count} shards; wrote {Out}");
        return ExitCodes.Ok;
    }
}
