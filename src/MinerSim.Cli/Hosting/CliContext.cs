namespace MinerSim.Cli.Hosting;

/// <summary>
/// The console a verb writes to. Verbs never touch <see cref="Console"/> directly, so tests
/// can run them in-process and read what they printed.
/// </summary>
/// <param name="Out">Results and normal output.</param>
/// <param name="Error">Errors, warnings and progress.</param>
/// <param name="IsTerminal">True when stderr is an interactive terminal (live progress bar).</param>
/// <param name="CancellationToken">Cancelled on Ctrl-C.</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, bool IsTerminal = false, CancellationToken CancellationToken = default)
{
    /// <summary>Called after each simulated block of paths (tests interrupt a run at a known point with it).</summary>
    public Action<int>? BlockDone { get; init; }
}
