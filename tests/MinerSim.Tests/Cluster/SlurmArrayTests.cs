using MinerSim.Cli.Hosting;
using MinerSim.Tests.Fixtures;

namespace MinerSim.Tests.Cluster;

/// <summary>
/// The real thing: the shipped <c>samples/cluster/slurm</c> scripts on a one-node Slurm cluster. A
/// 4-task job array runs the built <c>minersim run --shard auto</c>, a merge job queued with
/// <c>--dependency=afterok</c> merges the parts, and the result's percentiles.csv and summary.csv
/// equal an unsplit run's byte for byte. Ignored (with the reason) only where Slurm cannot start.
/// </summary>
[Category("Slurm")]
[NonParallelizable]
public sealed class SlurmArrayTests
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(4);
    private static readonly string[] Parts = ["part-0", "part-1", "part-2", "part-3"];

    [Test]
    public void JobArrayOfShards_ThenMergeJob_MatchesTheUnsplitRunByteForByte()
    {
        using var folder = new TempFolder();
        SlurmCluster cluster;
        try
        {
            cluster = SlurmCluster.Start(folder.File("slurm"));
        }
        catch (SlurmCluster.UnavailableException e)
        {
            Assert.Ignore($"Slurm cannot start here: {e.Message}");
            return;
        }

        using (cluster)
        {
            string samples = Path.Combine(TestScenarios.RepoRoot, "samples", "cluster", "slurm");
            string run = folder.File("run");
            var env = new Dictionary<string, string>
            {
                ["SCENARIO"] = ClusterRuns.Scenario,
                ["PATHS"] = "4096",
                ["SEED"] = "3",
                ["RUN"] = run,
                ["MINERSIM"] = $"{ProcessRunner.Dotnet} {ProcessRunner.MinersimDll}",
                ["MINERSIM_ARGS"] = "--days 60 --no-charts",
                ["MERGE_ARGS"] = "--no-charts",
            };
            string[] common = ["--parsable", "--cpus-per-task=1", $"--chdir={folder.Path}"];

            var array = cluster.Client("sbatch", TimeSpan.FromSeconds(30), env, [.. common, "--array=0-3", Path.Combine(samples, "minersim-array.sbatch")]);
            Assert.That(array.ExitCode, Is.EqualTo(0), $"sbatch (array) failed: {array.Text}\n{cluster.Logs()}");
            string arrayId = array.Out.Trim().Split(';')[0];

            var merge = cluster.Client("sbatch", JobTimeout, env,
                [.. common, "--wait", $"--dependency=afterok:{arrayId}", "--kill-on-invalid-dep=yes", Path.Combine(samples, "merge.sbatch")]);
            string jobLogs = string.Join('\n', Directory.GetFiles(folder.Path, "minersim-*.out").Order().Select(f => $"--- {Path.GetFileName(f)}\n{File.ReadAllText(f)}"));
            Assert.That(merge.TimedOut, Is.False, $"the Slurm jobs did not finish within {JobTimeout}\n{jobLogs}\n{cluster.Logs()}");
            Assert.That(merge.ExitCode, Is.EqualTo(0), $"sbatch --wait (merge) exited {merge.ExitCode}: {merge.Text}\n{jobLogs}\n{cluster.Logs()}");
            Assert.That(Directory.GetDirectories(Path.Combine(run, "parts")).Select(Path.GetFileName), Is.EquivalentTo(Parts));

            string unsplit = folder.File("unsplit");
            var reference = MinerSim.Tests.Cli.CliRun.Of("run", "--scenario", ClusterRuns.Scenario, "--paths", "4096", "--seed", "3", "--days", "60",
                "--quantiles", "sketch", "--no-charts", "--quiet", "--out", unsplit);
            Assert.That(reference.ExitCode, Is.EqualTo(ExitCodes.Ok), reference.Error);
            ClusterRuns.AssertSameNumbers(unsplit, Path.Combine(run, "result"));
        }
    }
}
