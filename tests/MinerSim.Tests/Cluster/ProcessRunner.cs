using System.Diagnostics;

namespace MinerSim.Tests.Cluster;

/// <summary>Runs an external command with a time limit and captures its output.</summary>
internal static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Out, string Error, bool TimedOut)
    {
        public string Text => (Out + Error).Trim();
    }

    public static Result Run(string file, IEnumerable<string> args, TimeSpan timeout, IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string a in args) info.ArgumentList.Add(a);
        if (environment is not null)
        {
            foreach (var (key, value) in environment) info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        bool exited = process.WaitForExit(timeout);
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        return new Result(exited ? process.ExitCode : -1, stdout.Result, stderr.Result, !exited);
    }

    /// <summary>Full path of <paramref name="name"/> in PATH, /usr/sbin or /usr/bin, or null.</summary>
    public static string? Find(string name)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(["/usr/sbin", "/usr/bin", "/sbin"]);
        return dirs.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
    }

    /// <summary>The <c>dotnet</c> host that runs these tests.</summary>
    public static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : Find("dotnet") ?? "dotnet";

    /// <summary>The built <c>minersim.dll</c>: the CLI project's output for this configuration, else the copy next to the tests.</summary>
    public static string MinersimDll
    {
        get
        {
            var testDir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            string configuration = testDir.Parent?.Name ?? "Release";
            string cli = Path.Combine(TestScenarios.RepoRoot, "src", "MinerSim.Cli", "bin", configuration, testDir.Name, "minersim.dll");
            return File.Exists(cli) ? cli : Path.Combine(testDir.FullName, "minersim.dll");
        }
    }
}
