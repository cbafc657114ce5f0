namespace MinerSim.Benchmarks.Guard;

/// <summary>The verdict on one benchmark.</summary>
/// <param name="FullName">Benchmark name.</param>
/// <param name="Ratio">Current median over baseline median (NaN when one side is missing).</param>
/// <param name="IsRegression">Whether this benchmark fails the guard.</param>
/// <param name="Note">The figures, for people.</param>
public sealed record GuardFinding(string FullName, double Ratio, bool IsRegression, string Note);
