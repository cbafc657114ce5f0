using MinerSim.Cli.Hosting;

namespace MinerSim.Tests.Cli;

/// <summary>Runs <c>minersim</c> in-process and captures its exit code, stdout and stderr.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        int code = CliApp.Run(args, new CliContext(output, error));
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Lines written to stderr (without the trailing empty one).</summary>
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
