using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace MinerSim.Benchmarks.Guard;

/// <summary>
/// <c>--guard [--against REF]</c>: the performance gate, base and change side by side on this machine. It builds REF
/// (default: the merge base with <c>main</c>, or <c>HEAD~1</c> on <c>main</c>) in a temporary git worktree, then runs
/// both builds' BenchmarkDotNet suites as separate processes, alternating base and change launch by launch, and times the
/// CLI end to end on fixed workloads the same way. Each benchmark's samples are compared with
/// <see cref="AbStatistics"/>: a regression is a slowdown that is both significant (one-sided Mann-Whitney) and beyond
/// the threshold (ratio of medians), or any new allocation. Exit 1 on a regression, 2 on bad input, 0 otherwise.
/// </summary>
internal static class AbGate
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The end-to-end workloads: a sketch run and an exact run of the reference scenario.</summary>
    private static readonly (string Name, string[] Args)[] Workloads =
    [
        ("cli run 200k x 365 sketch", ["--paths", "200000", "--quantiles", "sketch"]),
        ("cli run 20k x 365 exact", ["--paths", "20000", "--quantiles", "exact"]),
    ];

    public static int Run(string[] args, TextWriter output)
    {
        string root = Path.GetDirectoryName(Measure.RepoFile("Simulation.sln"))!;
        string reference = Option(args, "--against") ?? DefaultReference(root);
        double threshold = Number(args, "--threshold", 0.10);
        double e2eThreshold = Number(args, "--e2e-threshold", threshold);
        double alpha = Number(args, "--alpha", 0.01);
        int launches = (int)Number(args, "--launches", 3);
        int e2eRuns = (int)Number(args, "--e2e-runs", 5);
        string filter = Option(args, "--filter") ?? "*";
        string job = Option(args, "--job") ?? "short";

        string sha = Git(root, "rev-parse", "--verify", reference + "^{commit}").Trim();
        string work = Path.Combine(Path.GetTempPath(), "minersim-ab");
        string baseTree = Path.Combine(work, "tree-" + sha[..12]);
        output.WriteLine($"guard: base {reference} ({sha[..12]}) against the working tree; threshold {threshold:P0} (end to end {e2eThreshold:P0}), alpha {alpha}, {launches} launches each");
        PrepareBase(root, sha, baseTree, output);

        var sides = new[]
        {
            new Side("base", Path.Combine(baseTree, "benchmarks", "MinerSim.Benchmarks", "bin", "Release", "net10.0", "MinerSim.Benchmarks.dll"), Path.Combine(baseTree, "src", "MinerSim.Cli", "bin", "Release", "net10.0", "minersim.dll")),
            new Side("change", Path.Combine(AppContext.BaseDirectory, "MinerSim.Benchmarks.dll"), Path.Combine(root, "src", "MinerSim.Cli", "bin", "Release", "net10.0", "minersim.dll")),
        };
        foreach (var s in sides)
        {
            if (!File.Exists(s.Benchmarks) || !File.Exists(s.Cli)) throw new IOException($"{s.Name}: {s.Benchmarks} or {s.Cli} is missing; build with 'dotnet build Simulation.sln -c Release' first");
        }

        var rows = new List<(AbComparison Cmp, string Alloc, bool Regression)>();
        if (filter != "none")
        {
            var samples = new Dictionary<string, (List<double>[] Times, long[] Bytes)>(StringComparer.Ordinal);
            for (int k = 0; k < launches; k++)
            {
                foreach (int side in k % 2 == 0 ? new[] { 0, 1 } : [1, 0])
                {
                    string artifacts = Path.Combine(work, $"run-{Environment.ProcessId}-{sides[side].Name}-{k}");
                    // Tiered compilation off in the benchmark processes: with it, a short job lands in one of two tiering
                    // states launch by launch (KernelOnly 34 or 47 ns here for the same code), which hides a 30 % slowdown.
                    string[] tiering = args.Contains("--tiered") ? [] : ["--envVars", "DOTNET_TieredCompilation:0"];
                    RunProcess("dotnet", [sides[side].Benchmarks, "--filter", filter, "--job", job, "--exporters", "json", "--artifacts", artifacts, .. tiering], root, out _);
                    foreach (var (name, times, bytes) in ReadSamples(Path.Combine(artifacts, "results")))
                    {
                        if (!samples.TryGetValue(name, out var entry)) samples[name] = entry = ([[], []], [-1, -1]);
                        entry.Times[side].AddRange(times);
                        entry.Bytes[side] = Math.Max(entry.Bytes[side], bytes);
                    }

                    output.WriteLine($"guard: launch {k + 1}/{launches} of {sides[side].Name} done");
                }
            }

            foreach (var (name, (times, bytes)) in samples.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (times[0].Count == 0 || times[1].Count == 0)
                {
                    output.WriteLine($"guard: {name}: only in the {(times[0].Count == 0 ? "change" : "base")}, not compared");
                    continue;
                }

                var cmp = AbStatistics.Compare(name, times[0], times[1], threshold, alpha);
                bool allocates = bytes[1] > bytes[0];
                rows.Add((cmp, $"{bytes[0]} B -> {bytes[1]} B", cmp.Slower || allocates));
            }
        }

        if (e2eRuns > 0)
        {
            string scenario = Path.Combine(root, "samples", "scenarios", "reference.json");
            foreach (var (name, extra) in Workloads)
            {
                var times = new[] { new List<double>(), new List<double>() };
                for (int k = 0; k < e2eRuns; k++)
                {
                    foreach (int side in k % 2 == 0 ? new[] { 0, 1 } : [1, 0])
                    {
                        string outDir = Path.Combine(work, $"e2e-{Environment.ProcessId}-{side}-{k}");
                        string[] run = [sides[side].Cli, "run", "--scenario", scenario, "--seed", "1", "--no-charts", "--quiet", "--out", outDir, .. extra];
                        times[side].Add(RunProcess("dotnet", run, root, out _));
                        if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
                    }
                }

                var cmp = AbStatistics.Compare(name, times[0], times[1], e2eThreshold, alpha);
                rows.Add((cmp with { Base = cmp.Base, Change = cmp.Change }, "", cmp.Slower));
            }
        }

        output.WriteLine();
        output.WriteLine($"{"benchmark",-60} {"base",12} {"change",12} {"ratio [95% CI]",24} {"p",8}  verdict");
        foreach (var (c, alloc, regression) in rows)
        {
            string unit = c.Name.StartsWith("cli ", StringComparison.Ordinal) ? "s" : "ns";
            string verdict = regression ? "REGRESSION" + (c.Slower ? $" (slower by more than {(unit == "s" ? e2eThreshold : threshold):P0})" : "") + (alloc.Length > 0 && !c.Slower ? " (allocates " + alloc + ")" : "") : "ok";
            output.WriteLine(string.Create(Inv, $"{Short(c.Name),-60} {c.Base,10:G4} {unit,-1} {c.Change,10:G4} {unit,-1} {c.Ratio,8:F3} [{c.RatioLow:F3}, {c.RatioHigh:F3}] {c.PValue,8:G2}  {verdict}"));
        }

        int bad = rows.Count(r => r.Regression);
        output.WriteLine(bad == 0 ? "guard: no regression" : $"guard: {bad} regression(s)");
        return bad == 0 ? 0 : 1;
    }

    private sealed record Side(string Name, string Benchmarks, string Cli);

    /// <summary>The merge base with main, or HEAD~1 when HEAD is main itself.</summary>
    private static string DefaultReference(string root)
    {
        string head = Git(root, "rev-parse", "HEAD").Trim();
        string main;
        try
        {
            main = Git(root, "rev-parse", "--verify", "main^{commit}").Trim();
        }
        catch (InvalidOperationException)
        {
            return "HEAD~1";
        }

        return head == main ? "HEAD~1" : Git(root, "merge-base", "HEAD", "main").Trim();
    }

    /// <summary>A worktree of <paramref name="sha"/> with its benchmarks and CLI built in Release (kept for the next gate).</summary>
    private static void PrepareBase(string root, string sha, string tree, TextWriter output)
    {
        string done = Path.Combine(tree, ".minersim-ab-built");
        if (File.Exists(done)) return;
        if (Directory.Exists(tree))
        {
            Git(root, "worktree", "remove", "--force", tree);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(tree)!);
        Git(root, "worktree", "add", "--detach", tree, sha);
        output.WriteLine($"guard: building the base in {tree}");
        foreach (var project in new[] { Path.Combine("benchmarks", "MinerSim.Benchmarks"), Path.Combine("src", "MinerSim.Cli") })
        {
            RunProcess("dotnet", ["build", project, "-c", "Release", "-nologo", "-v", "q"], tree, out _);
        }

        File.WriteAllText(done, sha);
    }

    /// <summary>Each benchmark's per-operation times (BenchmarkDotNet's OriginalValues) and bytes allocated per operation.</summary>
    private static IEnumerable<(string Name, double[] Times, long Bytes)> ReadSamples(string resultsDir)
    {
        foreach (var file in Directory.GetFiles(resultsDir, "*-report-full-compressed.json"))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var b in doc.RootElement.GetProperty("Benchmarks").EnumerateArray())
            {
                var values = b.GetProperty("Statistics").GetProperty("OriginalValues").EnumerateArray().Select(v => v.GetDouble()).ToArray();
                long bytes = b.TryGetProperty("Memory", out var mem) && mem.TryGetProperty("BytesAllocatedPerOperation", out var a) ? a.GetInt64() : 0;
                yield return (b.GetProperty("FullName").GetString()!, values, bytes);
            }
        }
    }

    /// <summary>Runs a process to completion; returns its wall time in seconds; throws with its output on failure.</summary>
    private static double RunProcess(string file, IReadOnlyList<string> args, string workingDirectory, out string output)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(info)!;
        var err = p.StandardError.ReadToEndAsync();
        output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        double seconds = clock.Elapsed.TotalSeconds;
        if (p.ExitCode != 0)
        {
            string tail = string.Join('\n', (output + err.Result).Split('\n').TakeLast(15));
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {p.ExitCode}:\n{tail}");
        }

        return seconds;
    }

    private static string Git(string root, params string[] args)
    {
        RunProcess("git", args, root, out string output);
        return output;
    }

    private static string Short(string name) => name.StartsWith("MinerSim.Benchmarks.", StringComparison.Ordinal) ? name["MinerSim.Benchmarks.".Length..] : name;

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static double Number(string[] args, string name, double fallback)
    {
        string? v = Option(args, name);
        if (v is null) return fallback;
        return double.TryParse(v, NumberStyles.Float, Inv, out double x) && x >= 0 ? x : throw new FormatException($"{name}: '{v}' is not a number >= 0");
    }
}
