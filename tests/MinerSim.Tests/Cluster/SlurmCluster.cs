using System.Diagnostics;

namespace MinerSim.Tests.Cluster;

/// <summary>
/// A one-node Slurm cluster for a test (the recipe verified on Debian 12's Slurm 22.05: "a one-node cluster as a test
/// fixture"): Debian's slurm-wlm installed when missing, <c>slurm.conf</c> in a temporary folder with
/// <c>auth/none</c>, and <c>slurmctld -D</c> and <c>slurmd -D</c> started in the background and
/// stopped by PID on dispose.
/// </summary>
internal sealed class SlurmCluster : IDisposable
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(30);
    private readonly List<Process> _daemons = [];

    private SlurmCluster(string folder)
    {
        Folder = folder;
        Config = Path.Combine(folder, "slurm.conf");
    }

    /// <summary>Raised when Slurm cannot run here; the message says why (the test is then ignored with it).</summary>
    internal sealed class UnavailableException(string message) : Exception(message);

    public string Folder { get; }

    public string Config { get; }

    /// <summary>Environment for Slurm clients (they need <c>SLURM_CONF</c>).</summary>
    public IDictionary<string, string> Environment => new Dictionary<string, string> { ["SLURM_CONF"] = Config };

    /// <summary>Installs Slurm if needed and starts the daemons; throws <see cref="UnavailableException"/> when that cannot work here.</summary>
    public static SlurmCluster Start(string folder)
    {
        if (!OperatingSystem.IsLinux()) throw new UnavailableException("Slurm needs Linux");
        EnsureInstalled();
        var cluster = new SlurmCluster(folder);
        try
        {
            cluster.WriteConfig();
            cluster.StartDaemon("slurmctld");
            cluster.StartDaemon("slurmd");
            cluster.WaitUntilIdle();
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>Runs a Slurm client command (sbatch, sinfo) with <c>SLURM_CONF</c> set.</summary>
    public ProcessRunner.Result Client(string command, TimeSpan timeout, IDictionary<string, string>? environment = null, params string[] args)
    {
        var env = Environment;
        if (environment is not null)
        {
            foreach (var (k, v) in environment) env[k] = v;
        }

        return ProcessRunner.Run(ProcessRunner.Find(command) ?? command, args, timeout, env, Folder);
    }

    /// <summary>The tail of the daemons' logs, for failure messages.</summary>
    public string Logs()
    {
        var text = new List<string>();
        foreach (string log in Directory.GetFiles(Path.Combine(Folder, "log")))
        {
            var lines = File.ReadAllLines(log);
            text.Add($"--- {Path.GetFileName(log)}");
            text.AddRange(lines.Skip(Math.Max(0, lines.Length - 15)));
        }

        return string.Join('\n', text);
    }

    public void Dispose()
    {
        // Stop by PID, slurmd first, and wait for each.
        for (int i = _daemons.Count - 1; i >= 0; i--)
        {
            var daemon = _daemons[i];
            try
            {
                // SIGTERM lets slurmctld stop its slurmscriptd child; kill the tree if that hangs.
                if (!daemon.HasExited) ProcessRunner.Run("kill", ["-TERM", daemon.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], Short);
                if (!daemon.WaitForExit(15_000)) daemon.Kill(entireProcessTree: true);
                daemon.WaitForExit(10_000);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            daemon.Dispose();
        }

        _daemons.Clear();
    }

    private static void EnsureInstalled()
    {
        if (Installed()) return;
        var id = ProcessRunner.Run("id", ["-u"], Short);
        if (id.Out.Trim() != "0") throw new UnavailableException("Slurm (slurm-wlm) is not installed and installing it needs root");
        string[] install = ["install", "-y", "--no-install-recommends", "slurm-wlm", "munge"];
        var env = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        var result = ProcessRunner.Run("apt-get", install, TimeSpan.FromMinutes(5), env);
        if (result.ExitCode != 0)
        {
            // Images often ship without package lists.
            var update = ProcessRunner.Run("apt-get", ["update"], TimeSpan.FromMinutes(3), env);
            result = update.ExitCode == 0 ? ProcessRunner.Run("apt-get", install, TimeSpan.FromMinutes(5), env) : update;
        }

        if (result.ExitCode != 0 || !Installed())
        {
            string last = result.Text.Split('\n').LastOrDefault(l => l.Length > 0) ?? "no output";
            throw new UnavailableException($"cannot install slurm-wlm with apt-get (exit {result.ExitCode}: {last})");
        }
    }

    private static readonly string[] Commands = ["slurmctld", "slurmd", "sbatch", "sinfo"];

    private static bool Installed() => Commands.All(c => ProcessRunner.Find(c) is not null);

    private void WriteConfig()
    {
        foreach (string sub in new[] { "state", "spool", "log" }) Directory.CreateDirectory(Path.Combine(Folder, sub));
        string host = ProcessRunner.Run("hostname", ["-s"], Short).Out.Trim();
        var probe = ProcessRunner.Run(ProcessRunner.Find("slurmd")!, ["-C"], Short);
        string node = probe.Out.Split('\n').FirstOrDefault(l => l.StartsWith("NodeName=", StringComparison.Ordinal))
            ?? throw new UnavailableException($"slurmd -C printed no node line ({probe.Text})");
        string F(string name) => Path.Combine(Folder, name);
        string[] lines =
        [
            "ClusterName=minersim-test",
            $"SlurmctldHost={host}(127.0.0.1)",
            "SlurmUser=root",
            "SlurmdUser=root",
            "AuthType=auth/none",
            "CredType=cred/none",
            "ProctrackType=proctrack/linuxproc",
            "TaskPlugin=task/none",
            "JobAcctGatherType=jobacct_gather/none",
            "AccountingStorageType=accounting_storage/none",
            "MpiDefault=none",
            "MailProg=/bin/true",
            "ReturnToService=2",
            $"StateSaveLocation={F("state")}",
            $"SlurmdSpoolDir={F("spool")}",
            $"SlurmctldPidFile={F("slurmctld.pid")}",
            $"SlurmdPidFile={F("slurmd.pid")}",
            $"SlurmctldLogFile={F("log/slurmctld.log")}",
            $"SlurmdLogFile={F("log/slurmd.log")}",
            "MinJobAge=4",
            "SchedulerParameters=batch_sched_delay=0,sched_min_interval=0",
            "SelectType=select/cons_tres",
            "SelectTypeParameters=CR_CPU",
            string.Join(' ', node.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(f => !f.StartsWith("UpTime=", StringComparison.Ordinal))) + " NodeAddr=127.0.0.1 State=UNKNOWN",
            "PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP",
        ];
        File.WriteAllText(Config, string.Join('\n', lines) + "\n");
    }

    private void StartDaemon(string name)
    {
        var info = new ProcessStartInfo(ProcessRunner.Find(name)!)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string a in new[] { "-D", "-f", Config }) info.ArgumentList.Add(a);
        info.Environment["SLURM_CONF"] = Config;
        var process = Process.Start(info) ?? throw new UnavailableException($"cannot start {name}");
        _daemons.Add(process);
        string log = Path.Combine(Folder, "log", name + ".out");
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private static void Append(string path, string? line)
    {
        if (line is null) return;
        lock (typeof(SlurmCluster)) File.AppendAllText(path, line + "\n");
    }

    private void WaitUntilIdle()
    {
        var clock = Stopwatch.StartNew();
        string state = string.Empty;
        while (clock.Elapsed < TimeSpan.FromSeconds(45))
        {
            if (_daemons.FirstOrDefault(d => d.HasExited) is { } dead)
            {
                throw new InvalidOperationException($"a Slurm daemon exited with {dead.ExitCode} (ports 6817/6818 in use?)\n{Logs()}");
            }

            state = Client("sinfo", Short, null, "-h", "-o", "%T").Out.Trim();
            if (state is "idle" or "mixed") return;
            Thread.Sleep(500);
        }

        throw new InvalidOperationException($"the Slurm node did not become idle (state '{state}')\n{Logs()}");
    }
}
