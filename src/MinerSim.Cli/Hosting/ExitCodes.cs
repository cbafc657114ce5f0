namespace MinerSim.Cli.Hosting;

/// <summary>Process exit codes of <c>minersim</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Success, including <c>--help</c> and <c>--version</c>.</summary>
    public const int Ok = 0;
    /// <summary>Input or runtime error (bad scenario file, missing run folder, I/O failure).</summary>
    public const int Error = 1;
    /// <summary>Command-line usage error (unknown option, missing or malformed value).</summary>
    public const int Usage = 2;
    /// <summary>Interrupted by Ctrl-C (128 + SIGINT).</summary>
    public const int Interrupted = 130;
}
