using MinerSim.Cli.Hosting;
using MinerSim.Tests.Cli;

namespace MinerSim.Tests.Cluster;

/// <summary>Small in-process runs of the reference scenario shared by the shard, merge and resume tests.</summary>
internal static class ClusterRuns
{
    /// <summary>Ten blocks and a short eleventh, whatever the kernel's block size: enough blocks to split 7 ways and to interrupt after 5.</summary>
    public static readonly string Paths = (10 * MinerSim.Kernel.BlockKernel.BlockSize + 77).ToString(System.Globalization.CultureInfo.InvariantCulture);
    public const string Days = "60";

    /// <summary>The files whose bytes must not depend on the split or on interruptions.</summary>
    public static readonly string[] NumberFiles = ["percentiles.csv", "summary.csv", "histograms.csv"];

    public static string Scenario => TestScenarios.PathOf("reference");

    /// <summary><c>minersim run</c> of the test size with extra arguments.</summary>
    public static CliRun Run(string scenario, string outDir, params string[] extra) =>
        CliRun.Of(Base(scenario, outDir, extra));

    /// <summary>The arguments of a test-size run; an option in <paramref name="extra"/> replaces the default one.</summary>
    public static string[] Base(string scenario, string outDir, params string[] extra)
    {
        var options = new List<(string Name, string Value)>
        {
            ("--scenario", scenario), ("--paths", Paths), ("--days", Days), ("--quantiles", "sketch"), ("--seed", "5"), ("--out", outDir),
        };
        options.RemoveAll(o => extra.Contains(o.Name));
        return ["run", .. options.SelectMany(o => new[] { o.Name, o.Value }), "--no-charts", "--quiet", .. extra];
    }

    /// <summary>Runs <c>minersim</c> in-process with a cancellation token and a per-block hook.</summary>
    public static CliRun WithContext(string[] args, Action<int> blockDone, CancellationToken token)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        int code = CliApp.Run(args, new CliContext(output, error, false, token) { BlockDone = blockDone });
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Asserts that the number files of two run folders are byte for byte the same.</summary>
    public static void AssertSameNumbers(string expectedDir, string actualDir)
    {
        Assert.Multiple(() =>
        {
            foreach (string file in NumberFiles)
            {
                Assert.That(File.ReadAllBytes(Path.Combine(actualDir, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(expectedDir, file))), file);
            }
        });
    }
}
