namespace MinerSim.Cli.Hosting;

/// <summary>A parsed verb's options that know how to run themselves.</summary>
internal interface IVerb
{
    /// <summary>Runs the verb; returns the process exit code.</summary>
    int Execute(CliContext context);
}
