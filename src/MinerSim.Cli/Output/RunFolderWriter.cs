using System.Text;
using MinerSim.Aggregation;
using MinerSim.Charts.Files;

namespace MinerSim.Cli.Output;

/// <summary>
/// Writes a run's numbers into a run folder: <c>percentiles.csv</c>, <c>summary.csv</c>,
/// <c>histograms.csv</c>, <c>scenario.json</c> and, last, <c>manifest.json</c>.
/// </summary>
/// <remarks>
/// Each file goes to a temporary name and is renamed into place, so an interrupted write leaves
/// either the old file or the new one, never half of one. Numbers are invariant-culture shortest
/// round-trip text: the same result always gives byte-identical files, and reading them back with
/// <see cref="RunFolderReader"/> gives the identical doubles.
/// </remarks>
internal static class RunFolderWriter
{
    /// <summary>Writes the run folder files into <paramref name="dir"/> (created when missing).</summary>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(string dir, RunResult result, string scenarioJson)
    {
        Directory.CreateDirectory(dir);
        var files = new List<string>();
        void Put(string name, string text)
        {
            string path = Path.Combine(dir, name);
            AtomicFile.WriteAllText(path, text);
            files.Add(path);
        }

        Put(RunFolderFiles.Percentiles, Percentiles(result));
        Put(RunFolderFiles.Summary, Summary(result));
        Put(RunFolderFiles.Histograms, Histograms(result));
        Put(RunFolderFiles.Scenario, scenarioJson);
        Put(RunFolderFiles.Manifest, ManifestJson.Write(result.Info));
        return files;
    }

    internal static string Percentiles(RunResult result)
    {
        var csv = new StringBuilder().Append(RunFolderFiles.PercentilesHeader).Append('\n');
        foreach (var bands in result.Daily)
        {
            for (int day = 0; day < bands.Days; day++)
            {
                csv.Append(bands.Metric).Append(',').Append(CsvNumbers.Format(day));
                foreach (double q in bands.QuantilesOf(day))
                {
                    csv.Append(',').Append(CsvNumbers.Format(q));
                }

                csv.Append(',').Append(CsvNumbers.Format(bands.Mean(day))).Append('\n');
            }
        }

        return csv.ToString();
    }

    internal static string Summary(RunResult result)
    {
        var csv = new StringBuilder().Append(RunFolderFiles.SummaryHeader).Append('\n');
        foreach (var s in result.Summaries)
        {
            if (s.Quantiles.Count != QuantileLevels.Count)
            {
                throw new ArgumentException($"summary '{s.Metric}' has {s.Quantiles.Count} quantiles, expected {QuantileLevels.Count}", nameof(result));
            }

            csv.Append(s.Metric);
            foreach (double q in s.Quantiles)
            {
                csv.Append(',').Append(CsvNumbers.Format(q));
            }

            csv.Append(',').Append(CsvNumbers.Format(s.Mean))
               .Append(',').Append(CsvNumbers.Format(s.Es95))
               .Append(',').Append(CsvNumbers.Format(s.Es99)).Append('\n');
        }

        return csv.ToString();
    }

    internal static string Histograms(RunResult result)
    {
        var csv = new StringBuilder().Append(RunFolderFiles.HistogramsHeader).Append('\n');
        foreach (var h in result.Histograms)
        {
            if (h.Edges.Count != h.Counts.Count + 1)
            {
                throw new ArgumentException($"histogram '{h.Metric}' has {h.Edges.Count} edges for {h.Counts.Count} bins", nameof(result));
            }

            for (int bin = 0; bin < h.Counts.Count; bin++)
            {
                csv.Append(h.Metric).Append(',').Append(CsvNumbers.Format(bin))
                   .Append(',').Append(CsvNumbers.Format(h.Edges[bin]))
                   .Append(',').Append(CsvNumbers.Format(h.Edges[bin + 1]))
                   .Append(',').Append(CsvNumbers.Format(h.Counts[bin])).Append('\n');
            }
        }

        return csv.ToString();
    }
}
