using MinerSim.Cli.Hosting;

namespace MinerSim.Cli;

/// <summary>Entry point of the <c>minersim</c> command.</summary>
internal static class Program
{
    private static int Main(string[] args) => CliApp.Run(args, new CliContext(Console.Out, Console.Error));
}
