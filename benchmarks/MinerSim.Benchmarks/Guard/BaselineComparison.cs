using System.Globalization;

namespace MinerSim.Benchmarks.Guard;

/// <summary>
/// The regression rule: a benchmark regresses when its median time per operation exceeds the
/// baseline's by more than <see cref="DefaultTolerance"/>, or when it allocates where the baseline
/// allocated nothing (or more than the tolerance above what the baseline allocated).
/// </summary>
public static class BaselineComparison
{
    /// <summary>Allowed slowdown, as a ratio above 1 (10%).</summary>
    public const double DefaultTolerance = 0.10;

    /// <summary>One line per benchmark of <paramref name="current"/>, plus the baseline's missing ones.</summary>
    public static IReadOnlyList<GuardFinding> Compare(IReadOnlyList<BenchmarkRecord> baseline, IReadOnlyList<BenchmarkRecord> current, double tolerance = DefaultTolerance)
    {
        var byName = baseline.ToDictionary(b => b.FullName, StringComparer.Ordinal);
        var findings = new List<GuardFinding>();
        foreach (var c in current)
        {
            if (!byName.TryGetValue(c.FullName, out var b))
            {
                findings.Add(new GuardFinding(c.FullName, double.NaN, false, "new benchmark, no baseline"));
                continue;
            }

            double ratio = c.MedianNs / b.MedianNs;
            bool slower = ratio > 1.0 + tolerance;
            bool allocates = b.BytesPerOperation == 0 ? c.BytesPerOperation > 0 : c.BytesPerOperation > b.BytesPerOperation * (1.0 + tolerance);
            string note = string.Create(CultureInfo.InvariantCulture,
                $"median {c.MedianNs:G4} ns vs {b.MedianNs:G4} ns (x{ratio:F3}), allocated {c.BytesPerOperation} B vs {b.BytesPerOperation} B");
            if (slower) note += string.Create(CultureInfo.InvariantCulture, $"; SLOWER by more than {tolerance:P0}");
            if (allocates) note += "; NEW ALLOCATION";
            findings.Add(new GuardFinding(c.FullName, ratio, slower || allocates, note));
        }

        var seen = current.Select(c => c.FullName).ToHashSet(StringComparer.Ordinal);
        foreach (var b in baseline.Where(b => !seen.Contains(b.FullName)))
        {
            findings.Add(new GuardFinding(b.FullName, double.NaN, false, "not run (filtered out or removed)"));
        }

        return findings;
    }
}
