using System.Security.Cryptography;
using MinerSim.Tests.Fixtures;

namespace MinerSim.Tests.Cli;

/// <summary>
/// The reference scenario must keep giving exactly MODEL.md v1.1's numbers while v2 grows beside it: the CSV files of a
/// fixed run, byte for byte, as the engine wrote them before v2 (commit 157c7f2, on the AVX-512 machines CI runs on).
/// </summary>
public sealed class ReferencePinTests
{
    [TestCase("percentiles.csv", "159fa3ca20acbe1b8a07486fd8de3429bb9f96e8bb435cb43526143000f4a031")]
    [TestCase("summary.csv", "fadee322e748cca8f98d8d29cbd5bee6cc4249cdac573d11ecbffb7141158ce5")]
    [TestCase("histograms.csv", "3f504a537d28ad75486633957ea29d8520801bb6f9bdd719489742e0d2582b8c")]
    public void ReferenceRun_IsByteForByteV11(string file, string sha256)
    {
        using var tmp = new TempFolder();
        string dir = tmp.File("ref");
        var run = CliRun.Of("run", "--scenario", TestScenarios.PathOf("reference"), "--paths", "3000", "--seed", "7", "--quantiles", "exact",
            "--out", dir, "--no-charts", "--quiet");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        string hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, file)))).ToLowerInvariant();
        Assert.That(hash, Is.EqualTo(sha256));
    }
}
