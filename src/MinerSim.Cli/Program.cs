using System.Runtime.InteropServices;
using MinerSim.Cli.Hosting;

namespace MinerSim.Cli;

/// <summary>Entry point of the <c>minersim</c> command.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // First Ctrl-C: stop cleanly (workers finish their block); a second one kills.
            if (!cancel.IsCancellationRequested)
            {
                e.Cancel = true;
                cancel.Cancel();
            }
        };
        // SIGTERM (scancel, a Slurm time limit, Kubernetes pod eviction) stops the same way, so the
        // run saves its checkpoint before the scheduler's follow-up SIGKILL.
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            if (!cancel.IsCancellationRequested)
            {
                signal.Cancel = true;
                cancel.Cancel();
            }
        });
        var context = new CliContext(Console.Out, Console.Error, !Console.IsErrorRedirected, cancel.Token);
        return CliApp.Run(args, context);
    }
}
