using System.Diagnostics;
using MinerSim.Aggregation;
using MinerSim.Cli.Hosting;
using MinerSim.Cli.Output;
using MinerSim.Kernel;
using MinerSim.Simulation;

namespace MinerSim.Cli.Runs;

/// <summary>
/// Carries out a <see cref="RunPlan"/>: continues from the checkpoint when there is one, simulates
/// the remaining blocks in chunks (saving the checkpoint between chunks), and writes the run folder
/// or, for a shard, the partial folder. Ctrl-C saves the checkpoint and exits 130.
/// </summary>
internal static class RunExecutor
{
    public static int Execute(RunPlan plan, CliContext context, int threads, bool quiet, TimeSpan checkpointInterval)
    {
        var model = plan.Compile();
        var aggregate = new RunAggregate(plan.Paths, plan.Days, BlockKernel.BlockSize, plan.Method);
        var planned = plan.Shard.Blocks(aggregate.BlockCount);
        string checkpointDir = Checkpoint.FolderOf(plan.OutDir);
        double before = 0;
        if (Checkpoint.Exists(plan.OutDir))
        {
            before = PartialFolder.ReadManifest(checkpointDir).WallSeconds;
            var loaded = PartialFolder.LoadInto(checkpointDir, aggregate);
            if (loaded.Any(b => b < planned.FirstOrDefault() || b > planned.LastOrDefault()) || (loaded.Length > 0 && planned.Length == 0))
            {
                throw new InvalidDataException($"{checkpointDir}: holds blocks outside shard {plan.Shard}; remove it and rerun");
            }

            context.Error.WriteLine($"minersim: resuming from {checkpointDir}: {loaded.Length} of {planned.Length} blocks already done");
        }

        var clock = Stopwatch.StartNew();
        double Wall() => before + clock.Elapsed.TotalSeconds;
        void Save() => Checkpoint.Save(plan.OutDir, plan.Manifest(complete: false, Wall(), threads), aggregate, plan.Loaded.Json);

        var progress = new ConsoleProgress(context, quiet);
        try
        {
            ChunkedSimulation.Run(model, plan.Seed, aggregate, planned, threads, checkpointInterval, Save, progress, context.BlockDone, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            progress.Complete();
            Save();
            int done = planned.Count(aggregate.IsDone);
            context.Error.WriteLine($"minersim: interrupted after {done} of {planned.Length} blocks; checkpoint saved in {checkpointDir}");
            context.Error.WriteLine($"minersim: resume with: minersim run --resume {plan.OutDir}");
            return ExitCodes.Interrupted;
        }

        progress.Complete();
        double wall = Wall();
        if (plan.Partial)
        {
            var manifest = plan.Manifest(complete: true, wall, threads);
            RunFolder.WriteAtomically(plan.OutDir, dir => PartialFolder.Write(dir, manifest, aggregate, plan.Loaded.Json));
            long paths = planned.Sum(b => (long)aggregate.BlockLength(b));
            context.Out.WriteLine($"shard {plan.Shard}: {paths:N0} of {plan.Paths:N0} paths (blocks {manifest.FirstBlock} to {manifest.EndBlock - 1} of {manifest.BlockCount}), {wall:F2} s");
        }
        else
        {
            var result = ResultBuilder.Build(aggregate, plan.Manifest(complete: true, wall, threads).ToRunInfo(wall, threads), threads);
            RunOutput.Write(plan.OutDir, result, plan.Loaded.Json, plan.Charts);
            RunConsoleTable.Write(context.Out, result);
        }

        Checkpoint.Delete(plan.OutDir);
        context.Out.WriteLine($"wrote {plan.OutDir}");
        return ExitCodes.Ok;
    }
}
