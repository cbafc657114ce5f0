using System.Diagnostics;
using MinerSim.Cli.Hosting;
using MinerSim.Tests.Cli;
using MinerSim.Tests.Fixtures;

namespace MinerSim.Tests.Cluster;

/// <summary>
/// A real <c>minersim</c> process killed with SIGKILL (no chance to clean up) after it saved a
/// checkpoint: <c>run --resume</c> finishes it with the numbers of an uninterrupted run.
/// </summary>
[NonParallelizable]
public sealed class KillResumeTests
{
    [Test]
    public void SigkilledRun_ResumesToTheUninterruptedRunsBytes()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) Assert.Ignore("SIGKILL test needs a POSIX system");
        using var folder = new TempFolder();
        string killed = folder.File("killed");
        string[] args =
        [
            "run", "--scenario", ClusterRuns.Scenario, "--paths", "30000", "--days", "120", "--quantiles", "sketch", "--seed", "11",
            "--no-charts", "--quiet", "--threads", "1", "--checkpoint-every", "0",
        ];

        var info = new ProcessStartInfo(ProcessRunner.Dotnet) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { ProcessRunner.MinersimDll }.Concat(args).Append("--out").Append(killed)) info.ArgumentList.Add(a);
        using (var child = Process.Start(info)!)
        {
            var stdout = child.StandardOutput.ReadToEndAsync();
            var stderr = child.StandardError.ReadToEndAsync();
            var clock = Stopwatch.StartNew();
            string checkpoint = Path.Combine(killed + ".inprogress", "partial.json");
            while (!File.Exists(checkpoint) && !child.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(20);
            if (child.HasExited)
            {
                Assert.Inconclusive($"the run ended (exit {child.ExitCode}) before it could be killed: {stderr.Result}");
            }

            child.Kill(entireProcessTree: true);
            Assert.That(child.WaitForExit(30_000), Is.True, "the killed process did not exit");
            _ = stdout.Result;
        }

        Assert.That(Directory.Exists(killed), Is.False, "a killed run leaves no output folder");
        var resumed = CliRun.Of("run", "--resume", killed, "--quiet");
        string uninterrupted = folder.File("uninterrupted");
        var reference = CliRun.Of(
            "run", "--scenario", ClusterRuns.Scenario, "--paths", "30000", "--days", "120", "--quantiles", "sketch", "--seed", "11",
            "--no-charts", "--quiet", "--threads", "2", "--out", uninterrupted);

        Assert.That(resumed.ExitCode, Is.EqualTo(ExitCodes.Ok), resumed.Error);
        Assert.That(reference.ExitCode, Is.EqualTo(ExitCodes.Ok), reference.Error);
        ClusterRuns.AssertSameNumbers(uninterrupted, killed);
    }
}
