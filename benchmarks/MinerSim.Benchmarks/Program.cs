using BenchmarkDotNet.Running;
using MinerSim.Benchmarks.Guard;

namespace MinerSim.Benchmarks;

/// <summary>
/// The MinerSim benchmark suite (see benchmarks/README.md):
/// <c>dotnet run -c Release --project benchmarks/MinerSim.Benchmarks -- --filter '*'</c>;
/// <c>-- --measure ...</c> times one whole run; <c>-- --guard [--against REF]</c> is the A/B performance gate
/// (<see cref="AbGate"/>); <c>-- --guard --baseline FILE</c> compares a run with a stored record (informational).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Contains("--measure"))
        {
            try
            {
                return Measure.Run(args, Console.Out);
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or IOException or MinerSim.Scenarios.ScenarioException)
            {
                // A developer tool, but still one line for bad input rather than a stack trace.
                Console.Error.WriteLine($"--measure: {e.Message}");
                return 2;
            }
        }
        if (args.Contains("--guard") && !args.Contains("--baseline") && !args.Contains("--results") && !args.Contains("--update-baseline"))
        {
            try
            {
                return AbGate.Run(args, Console.Out);
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or IOException)
            {
                Console.Error.WriteLine($"--guard: {e.Message}");
                return 2;
            }
        }

        if (args.Contains("--guard")) return GuardCommand.Run(args, Console.Out);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        // A benchmark that throws shows up as a report without results: fail, so CI notices.
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
