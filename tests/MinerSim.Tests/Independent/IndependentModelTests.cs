using System.Diagnostics;
using System.Globalization;
using System.Text;
using MinerSim.Aggregation;
using MinerSim.Kernel;
using MinerSim.Scenarios;
using MinerSim.Simulation;

namespace MinerSim.Tests.Independent;

/// <summary>
/// Compares the engine with the independent pure-Python implementation of MODEL.md
/// (tests/independent/minersim_model.py) on the reference scenario and on fleet-check.json: means by z-test,
/// p5/p50/p95 by order-statistic bands (tests/independent/compare.py).
/// </summary>
[Category("Statistical")]
public sealed class IndependentModelTests
{
    private const int Days = 365;
    private const long EnginePaths = 20_000;
    private const int PythonPaths = 8_000;

    /// <summary>The reference scenario (MODEL.md v1.1), and fleet-check.json: replayed 2022 prices with every mechanism of sections 10-11.</summary>
    [TestCase("samples/scenarios/reference.json")]
    [TestCase("tests/independent/fleet-check.json")]
    public void Engine_Agrees_WithIndependentPythonModel(string scenario)
    {
        string root = TestScenarios.RepoRoot;
        string scenarioPath = Path.Combine(root, scenario);
        string modelScript = Path.Combine(root, "tests", "independent", "minersim_model.py");
        string compareScript = Path.Combine(root, "tests", "independent", "compare.py");
        // MINERSIM_INDEPENDENT_OUT keeps both runs' CSVs in that folder for inspection.
        string? keep = Environment.GetEnvironmentVariable("MINERSIM_INDEPENDENT_OUT");
        string work = string.IsNullOrEmpty(keep) ? Path.Combine(Path.GetTempPath(), "minersim-independent-" + Guid.NewGuid().ToString("N")) : keep;
        string engineDir = Path.Combine(work, "engine");
        string pyDir = Path.Combine(work, "python");
        Directory.CreateDirectory(engineDir);

        try
        {
            // (b) first, so that a missing python3 ignores the test before the engine run.
            var py = RunProcess("python3", [modelScript, "--scenario", scenarioPath, "--paths", PythonPaths.ToString(CultureInfo.InvariantCulture),
                "--seed", "1", "--days", Days.ToString(CultureInfo.InvariantCulture), "--out", pyDir], root);
            TestContext.Out.WriteLine(py.Output);
            Assert.That(py.ExitCode, Is.Zero, "minersim_model.py failed:\n" + py.Output);

            // (a) the engine, in process, exact quantiles.
            // The CLI's loader: it reads a replayed scenario's price file too.
            var model = MinerSim.Cli.Scenarios.ScenarioFiles.Load(scenarioPath).Compile(Days);
            var clock = Stopwatch.StartNew();
            var result = Simulator.Run(model, new RunSettings { Paths = EnginePaths, Seed = 1, Threads = 2, Quantiles = QuantileMethod.Exact }, "hash");
            TestContext.Out.WriteLine($"engine: {EnginePaths} paths x {Days} days in {clock.Elapsed.TotalSeconds:F1} s");
            // The engine side is written by the real run-folder writer, so the check covers the shipped format.
            MinerSim.Cli.Output.RunFolderWriter.Write(engineDir, result, "{}");

            // (c) compare.
            var cmp = RunProcess("python3", [compareScript, engineDir, pyDir, "--paths-engine", EnginePaths.ToString(CultureInfo.InvariantCulture)], root);
            TestContext.Out.WriteLine(cmp.Output);
            Assert.That(cmp.ExitCode, Is.Zero, "engine and independent model disagree; see the table above");
        }
        finally
        {
            if (string.IsNullOrEmpty(keep))
            {
                try
                {
                    Directory.Delete(work, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private static (int ExitCode, string Output) RunProcess(string file, IReadOnlyList<string> args, string workingDirectory)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            TestContext.Out.WriteLine($"{file} is not available ({e.Message}); skipping the independent-model comparison.");
            Assert.Ignore($"{file} is not available: {e.Message}");
            throw; // unreachable
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            string err = stderr.Result;
            return (process.ExitCode, err.Length == 0 ? stdout : stdout + "\n[stderr]\n" + err);
        }
    }
}
