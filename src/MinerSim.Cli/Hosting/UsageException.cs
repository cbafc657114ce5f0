namespace MinerSim.Cli.Hosting;

/// <summary>Bad command-line usage (exit code 2): a value out of range, a malformed option.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }
    public UsageException() { }
    public UsageException(string message, Exception inner) : base(message, inner) { }
}
