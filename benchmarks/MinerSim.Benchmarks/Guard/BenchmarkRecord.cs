namespace MinerSim.Benchmarks.Guard;

/// <summary>One benchmark's figures from a BenchmarkDotNet JSON report.</summary>
/// <param name="FullName">BenchmarkDotNet's full name (namespace, type, method, parameters).</param>
/// <param name="MedianNs">Median time per operation, nanoseconds.</param>
/// <param name="BytesPerOperation">Managed bytes allocated per operation.</param>
public sealed record BenchmarkRecord(string FullName, double MedianNs, long BytesPerOperation);
