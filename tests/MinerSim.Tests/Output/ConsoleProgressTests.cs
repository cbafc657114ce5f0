using MinerSim.Cli.Hosting;
using MinerSim.Cli.Output;
using MinerSim.Simulation;

namespace MinerSim.Tests.Output;

public sealed class ConsoleProgressTests
{
    private static readonly string[] Deciles = ["10", "20", "30", "40", "50", "60", "70", "80", "90", "100"];

    [Test]
    public void NotATerminal_ManyReportsFromManyThreads_PrintExactlyTenLines()
    {
        using var error = new StringWriter();
        var progress = new ConsoleProgress(new CliContext(TextWriter.Null, TextWriter.Synchronized(error)), quiet: false);
        const long total = 100_000;
        long done = 0;

        Parallel.For(0, (int)total, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            long now = Interlocked.Increment(ref done);
            progress.Report(new SimulationProgress(now, total, 365, TimeSpan.FromSeconds(now / 1000.0)));
        });

        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(10));
        Assert.That(lines.Select(l => l.Split('%')[0].Split(' ')[^1]), Is.EqualTo(Deciles));
        Assert.That(lines[0], Does.Contain("M path-days/s").And.Contain("/100,000 paths").And.Contain("left"));
        Assert.That(lines[^1], Does.Contain("100,000/100,000 paths").And.Contain("done"));
    }

    [Test]
    public void Quiet_PrintsNothing()
    {
        using var error = new StringWriter();
        var progress = new ConsoleProgress(new CliContext(TextWriter.Null, error, IsTerminal: true), quiet: true);
        for (int i = 1; i <= 10; i++)
        {
            progress.Report(new SimulationProgress(i, 10, 10, TimeSpan.FromSeconds(i)));
        }

        Assert.That(error.ToString(), Is.Empty);
    }

    [Test]
    public void Terminal_RedrawsOneLineAndEndsItWhenDone()
    {
        using var error = new StringWriter();
        var progress = new ConsoleProgress(new CliContext(TextWriter.Null, error, IsTerminal: true), quiet: false);
        for (int i = 1; i <= 1000; i++)
        {
            progress.Report(new SimulationProgress(i, 1000, 365, TimeSpan.FromMilliseconds(i)));
        }

        string text = error.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.StartWith("\r["));
            Assert.That(text.Count(c => c == '\n'), Is.EqualTo(1));
            Assert.That(text.Count(c => c == '\r'), Is.LessThan(100), "redraws are throttled to about ten a second");
            Assert.That(text.TrimEnd('\n').Split('\r')[^1], Does.Contain("100%").And.Contain("1,000/1,000 paths"));
        });
    }
}
