using MinerSim.Benchmarks.Guard;

namespace MinerSim.Tests.Benchmarks;

/// <summary>The regression guard's rule on synthetic BenchmarkDotNet JSON: it must catch a slowed kernel.</summary>
public sealed class BaselineComparisonTests
{
    private const string Kernel = "MinerSim.Benchmarks.DayStepBenchmarks.DayStep";
    private const string Sketch = "MinerSim.Benchmarks.SketchBenchmarks.SketchAddBatch";

    // The shape BenchmarkDotNet's JsonExporter writes (fields the guard does not read left out).
    private static string Report(double kernelNs, long kernelBytes, double sketchNs = 3.5) => $$$"""
        {"Title":"synthetic","HostEnvironmentInfo":{"RuntimeVersion":".NET 10.0"},"Benchmarks":[
          {"FullName":"{{{Kernel}}}","Method":"DayStep","Statistics":{"Mean":{{{kernelNs * 1.01}}},"Median":{{{kernelNs}}}},"Memory":{"Gen0Collections":0,"BytesAllocatedPerOperation":{{{kernelBytes}}}}},
          {"FullName":"{{{Sketch}}}","Method":"SketchAddBatch","Statistics":{"Mean":{{{sketchNs}}},"Median":{{{sketchNs}}}},"Memory":{"BytesAllocatedPerOperation":0}}]}
        """;

    private static IReadOnlyList<GuardFinding> Compare(string current) =>
        BaselineComparison.Compare(BenchmarkReport.Parse(Report(60.0, 0)), BenchmarkReport.Parse(current));

    [Test]
    public void SameFigures_PassTheGuard()
    {
        Assert.That(Compare(Report(60.0, 0)).Any(f => f.IsRegression), Is.False);
    }

    [Test]
    public void DeliberatelySlowedKernel_IsCaught()
    {
        var findings = Compare(Report(60.0 * 1.3, 0));
        var kernel = findings.Single(f => f.FullName == Kernel);
        Assert.Multiple(() =>
        {
            Assert.That(kernel.IsRegression, Is.True);
            Assert.That(kernel.Ratio, Is.EqualTo(1.3).Within(1e-12));
            Assert.That(kernel.Note, Does.Contain("SLOWER"));
            Assert.That(findings.Single(f => f.FullName == Sketch).IsRegression, Is.False);
        });
    }

    [Test]
    public void SlowdownWithinTenPercent_Passes()
    {
        Assert.That(Compare(Report(60.0 * 1.09, 0)).Any(f => f.IsRegression), Is.False);
    }

    [Test]
    public void NewAllocationInTheHotLoop_IsCaught()
    {
        var kernel = Compare(Report(60.0, 24)).Single(f => f.FullName == Kernel);
        Assert.Multiple(() =>
        {
            Assert.That(kernel.IsRegression, Is.True);
            Assert.That(kernel.Note, Does.Contain("NEW ALLOCATION"));
        });
    }

    [Test]
    public void WrittenBaseline_ReadsBackTheSameFigures()
    {
        var records = BenchmarkReport.Parse(Report(61.25, 0, 3.75));
        var again = BenchmarkReport.Parse(BenchmarkReport.Write(records, "baseline"));
        Assert.That(again, Is.EqualTo(records));
    }

    [Test]
    public void MissingOrNewBenchmarks_AreReported_NotFailed()
    {
        var baseline = BenchmarkReport.Parse(Report(60.0, 0));
        var current = new[] { new BenchmarkRecord("MinerSim.Benchmarks.NewBenchmarks.Fresh", 1.0, 0) };
        var findings = BaselineComparison.Compare(baseline, current);
        Assert.Multiple(() =>
        {
            Assert.That(findings, Has.Count.EqualTo(3));
            Assert.That(findings.Any(f => f.IsRegression), Is.False);
        });
    }
}
