using BenchmarkDotNet.Running;

namespace MinerSim.Benchmarks;

/// <summary>
/// The MinerSim benchmark suite (see benchmarks/README.md):
/// <c>dotnet run -c Release --project benchmarks/MinerSim.Benchmarks -- --filter '*'</c>;
/// <c>-- --measure ...</c> times one whole run; <c>-- --guard ...</c> compares a run with the stored baseline.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Contains("--measure")) return Measure.Run(args, Console.Out);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
