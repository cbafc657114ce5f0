using BenchmarkDotNet.Running;

namespace MinerSim.Benchmarks.Guard;

/// <summary>
/// <c>--guard --baseline FILE</c> (or <c>--results DIR</c>): runs the suite with the JSON exporter (or reads the reports),
/// and prints how it compares with a stored record such as benchmarks/baseline.json; informational, exit 0 (the gate is
/// <see cref="AbGate"/>).
/// <c>--update-baseline</c> writes the run's figures as the new baseline instead. Other arguments
/// go to BenchmarkDotNet (default <c>--filter * --job short</c>).
/// </summary>
internal static class GuardCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        string baselinePath = Option(args, "--baseline") ?? Measure.RepoFile("benchmarks", "baseline.json");
        string? resultsDir = Option(args, "--results");
        double tolerance = double.Parse(Option(args, "--tolerance") ?? "0.10", System.Globalization.CultureInfo.InvariantCulture);
        if (resultsDir is null)
        {
            string artifacts = Path.Combine(Path.GetTempPath(), "minersim-guard-" + Environment.ProcessId);
            var forwarded = Strip(args, ["--guard", "--update-baseline"], ["--baseline", "--results", "--tolerance"]).ToList();
            if (!forwarded.Contains("--filter")) forwarded.AddRange(["--filter", "*"]);
            if (!forwarded.Contains("--job")) forwarded.AddRange(["--job", "short"]);
            forwarded.AddRange(["--exporters", "json", "--artifacts", artifacts]);
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. forwarded]);
            resultsDir = Path.Combine(artifacts, "results");
        }

        var current = BenchmarkReport.Load(resultsDir);
        if (args.Contains("--update-baseline"))
        {
            File.WriteAllText(baselinePath, BenchmarkReport.Write(current, "MinerSim benchmark baseline"));
            output.WriteLine($"guard: wrote {current.Count} benchmarks to {baselinePath}");
            return 0;
        }

        // A record from another machine or hour is no gate (benchmarks/README.md): the comparison is printed, exit 0.
        var findings = BaselineComparison.Compare(BenchmarkReport.Load(baselinePath), current, tolerance);
        foreach (var f in findings) output.WriteLine($"{(f.IsRegression ? "slower    " : "ok        ")} {f.FullName}: {f.Note}");
        int bad = findings.Count(f => f.IsRegression);
        output.WriteLine($"record: {bad} benchmark(s) beyond {tolerance:P0} of {baselinePath} (informational: the gate is --guard without --baseline)");
        return 0;
    }

    private static IEnumerable<string> Strip(string[] args, string[] flags, string[] options)
    {
        for (int i = 0; i < args.Length; i++)
        {
            if (flags.Contains(args[i])) continue;
            if (options.Contains(args[i]))
            {
                i++;
                continue;
            }

            yield return args[i];
        }
    }

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
