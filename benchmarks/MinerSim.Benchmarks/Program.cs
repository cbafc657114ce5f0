using BenchmarkDotNet.Running;

namespace MinerSim.Benchmarks;

/// <summary>Runs the MinerSim benchmark suite: <c>dotnet run -c Release --project benchmarks/MinerSim.Benchmarks -- --filter '*'</c>.</summary>
internal static class Program
{
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
