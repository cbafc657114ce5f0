using MinerSim.Aggregation;

namespace MinerSim.Cli.Output;

/// <summary>
/// Reads a run folder written by <see cref="RunFolderWriter"/> back into a <see cref="RunResult"/>
/// and the scenario text. A missing file or a malformed row is a one-line
/// <see cref="InvalidDataException"/> naming the file (and the line).
/// </summary>
internal static class RunFolderReader
{
    /// <summary>Reads every run folder file in <paramref name="dir"/>.</summary>
    public static (RunResult Result, string ScenarioJson) Read(string dir)
    {
        if (!Directory.Exists(dir))
        {
            throw new InvalidDataException($"{dir}: no such run folder");
        }

        string manifestPath = Path.Combine(dir, RunFolderFiles.Manifest);
        if (!File.Exists(manifestPath) && File.Exists(Path.Combine(dir, PartialFolder.Manifest)))
        {
            throw new InvalidDataException($"{dir}: a shard's partial result, not a run folder; merge the shards first: minersim merge --out RUN {dir} OTHER-SHARDS...");
        }

        var info = ManifestJson.Read(manifestPath, ReadText(manifestPath));
        var daily = ReadPercentiles(Path.Combine(dir, RunFolderFiles.Percentiles), info.Days);
        var summaries = ReadSummary(Path.Combine(dir, RunFolderFiles.Summary));
        var histograms = ReadHistograms(Path.Combine(dir, RunFolderFiles.Histograms));
        string scenario = ReadText(Path.Combine(dir, RunFolderFiles.Scenario));
        return (new RunResult(info, daily, summaries, histograms), scenario);
    }

    /// <summary>A file's whole text; a missing or unreadable file is an <see cref="InvalidDataException"/>.</summary>
    internal static string ReadText(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: missing (is this a run folder?)");
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read: {e.Message}", e);
        }
    }

    private static List<DailyBands> ReadPercentiles(string path, int days)
    {
        var csv = CsvFile.Open(path, RunFolderFiles.PercentilesHeader);
        var bands = new List<DailyBands>();
        DailyBands? current = null;
        int expectedDay = 0;
        int lastLine = 1;
        foreach (var (line, f) in csv.Rows(3 + QuantileLevels.Count))
        {
            lastLine = line;
            if (current is null || f[0] != current.Metric)
            {
                if (current is not null && expectedDay != days)
                {
                    throw csv.Error(line, $"metric '{current.Metric}' ends after {expectedDay} days; manifest.json says {days}");
                }

                if (bands.Any(b => b.Metric == f[0]))
                {
                    throw csv.Error(line, $"metric '{f[0]}' appears in two separate blocks");
                }

                current = new DailyBands(f[0], days);
                bands.Add(current);
                expectedDay = 0;
            }

            if (f[1] != CsvNumbers.Format(expectedDay))
            {
                throw csv.Error(line, $"expected day {expectedDay} of '{current.Metric}', found '{f[1]}'" + (expectedDay >= days ? $" (manifest.json says {days} days)" : string.Empty));
            }

            var q = current.QuantilesOf(expectedDay);
            for (int k = 0; k < QuantileLevels.Count; k++)
            {
                q[k] = csv.Double(line, f, 2 + k, QuantileLevels.Names[k]);
            }

            current.SetMean(expectedDay, csv.Double(line, f, 2 + QuantileLevels.Count, "mean"));
            expectedDay++;
        }

        if (current is null)
        {
            throw csv.Error(2, "no rows");
        }

        if (expectedDay != days)
        {
            throw csv.Error(lastLine, $"metric '{current.Metric}' ends after {expectedDay} days; manifest.json says {days}");
        }

        return bands;
    }

    private static List<SummaryStatistics> ReadSummary(string path)
    {
        var csv = CsvFile.Open(path, RunFolderFiles.SummaryHeader);
        var rows = new List<SummaryStatistics>();
        foreach (var (line, f) in csv.Rows(4 + QuantileLevels.Count))
        {
            var q = new double[QuantileLevels.Count];
            for (int k = 0; k < q.Length; k++)
            {
                q[k] = csv.Double(line, f, 1 + k, QuantileLevels.Names[k]);
            }

            int m = 1 + QuantileLevels.Count;
            rows.Add(new SummaryStatistics(f[0], q, csv.Double(line, f, m, "mean"), csv.Double(line, f, m + 1, "es95"), csv.Double(line, f, m + 2, "es99")));
        }

        return rows;
    }

    private static List<Histogram> ReadHistograms(string path)
    {
        var csv = CsvFile.Open(path, RunFolderFiles.HistogramsHeader);
        var histograms = new List<Histogram>();
        string? metric = null;
        List<double> edges = [];
        List<long> counts = [];
        foreach (var (line, f) in csv.Rows(5))
        {
            if (f[0] != metric)
            {
                if (metric is not null)
                {
                    histograms.Add(new Histogram(metric, edges, counts));
                }

                if (histograms.Any(h => h.Metric == f[0]))
                {
                    throw csv.Error(line, $"metric '{f[0]}' appears in two separate blocks");
                }

                metric = f[0];
                edges = [];
                counts = [];
            }

            if (f[1] != CsvNumbers.Format(counts.Count))
            {
                throw csv.Error(line, $"expected bin {counts.Count} of '{metric}', found '{f[1]}'");
            }

            double lo = csv.Double(line, f, 2, "lo"), hi = csv.Double(line, f, 3, "hi");
            if (edges.Count == 0)
            {
                edges.Add(lo);
            }
            else if (lo != edges[^1])
            {
                throw csv.Error(line, $"bin starts at {f[2]} but the previous bin ends at {CsvNumbers.Format(edges[^1])}");
            }

            edges.Add(hi);
            counts.Add(csv.Count(line, f, 4, "count"));
        }

        if (metric is not null)
        {
            histograms.Add(new Histogram(metric, edges, counts));
        }

        return histograms;
    }
}
