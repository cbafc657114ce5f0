using System.Diagnostics;
using System.Globalization;
using MinerSim.Cli.Hosting;
using MinerSim.Simulation;

namespace MinerSim.Cli.Output;

/// <summary>
/// Shows a run's progress on the error stream. On a terminal: one live line, redrawn in place
/// (carriage return) at most ten times a second. Otherwise (logs, CI, pipes): one plain line at
/// each 10% step, so a log gets at most ten lines. <c>quiet</c> silences it.
/// </summary>
/// <remarks>
/// <see cref="Report"/> is called from the worker threads; a lock serialises drawing, and reports
/// that arrive late with fewer paths done than one already shown are ignored.
/// </remarks>
internal sealed class ConsoleProgress : IProgress<SimulationProgress>
{
    private const int BarWidth = 24;
    private static readonly long RedrawTicks = Stopwatch.Frequency / 10;

    private readonly TextWriter _error;
    private readonly bool _terminal;
    private readonly bool _quiet;
    private readonly Lock _gate = new();
    private long _shownPaths = -1;
    private int _shownDecile;
    private long _lastDraw;
    private int _lastWidth;
    private bool _lineOpen;

    /// <param name="context">Supplies the error stream and whether it is a terminal.</param>
    /// <param name="quiet">True to print nothing.</param>
    public ConsoleProgress(CliContext context, bool quiet)
    {
        _error = context.Error;
        _terminal = context.IsTerminal;
        _quiet = quiet;
    }

    /// <inheritdoc />
    public void Report(SimulationProgress value)
    {
        if (_quiet)
        {
            return;
        }

        lock (_gate)
        {
            if (value.PathsDone <= _shownPaths && _shownPaths >= 0)
            {
                return;
            }

            if (_terminal)
            {
                DrawBar(value);
            }
            else
            {
                WriteStep(value);
            }
        }
    }

    /// <summary>Ends the live line (if one is open) so later output starts on a fresh line.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (_lineOpen)
            {
                _error.WriteLine();
                _error.Flush();
                _lineOpen = false;
            }
        }
    }

    private void DrawBar(SimulationProgress p)
    {
        bool done = p.PathsDone >= p.PathsTotal;
        long now = Stopwatch.GetTimestamp();
        if (!done && _lastDraw != 0 && now - _lastDraw < RedrawTicks)
        {
            return;
        }

        _lastDraw = now;
        _shownPaths = p.PathsDone;
        int filled = (int)Math.Round(Math.Clamp(p.Fraction, 0, 1) * BarWidth);
        string line = string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('.', BarWidth - filled)}] {Text(p)}");
        _error.Write('\r' + line.PadRight(_lastWidth));
        _lastWidth = line.Length;
        _lineOpen = true;
        if (done)
        {
            _error.WriteLine();
            _lineOpen = false;
        }

        _error.Flush();
    }

    private void WriteStep(SimulationProgress p)
    {
        int decile = (int)Math.Floor(Math.Clamp(p.Fraction, 0, 1) * 10 + 1e-9);
        if (decile <= _shownDecile)
        {
            return;
        }

        _shownDecile = decile;
        _shownPaths = p.PathsDone;
        // Labelled by the 10% mark it passed (blocks finish in steps, so the exact share is in the detail).
        string mark = (decile * 10).ToString(CultureInfo.InvariantCulture).PadLeft(3);
        _error.WriteLine($"progress: {mark}% ({Detail(p)})");
        _error.Flush();
    }

    private static string Text(SimulationProgress p)
    {
        string percent = (Math.Clamp(p.Fraction, 0, 1) * 100).ToString("F0", CultureInfo.InvariantCulture).PadLeft(3);
        return $"{percent}% {Detail(p)}";
    }

    private static string Detail(SimulationProgress p)
    {
        var c = CultureInfo.InvariantCulture;
        string speed = (p.PathDaysPerSecond / 1e6).ToString("F1", c);
        string left = p.PathsDone >= p.PathsTotal ? "done" : Duration(p.Remaining) + " left";
        return string.Create(c, $"{p.PathsDone:N0}/{p.PathsTotal:N0} paths, {speed} M path-days/s, {left}");
    }

    private static string Duration(TimeSpan t) =>
        t.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}:{t.Seconds:00}");
}
