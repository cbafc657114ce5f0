using System.Runtime.InteropServices;
using System.Text;
using MinerSim.Metrics;

namespace MinerSim.Aggregation;

/// <summary>
/// Binary form of the finished blocks of a <see cref="RunAggregate"/> (a shard's partial result or
/// a checkpoint): everything a merge needs to rebuild the same bytes as an unsplit run.
/// </summary>
/// <remarks>
/// Layout (little-endian), format version 4 (version 1 had the sketches' exact logarithmic bucket
/// indices, version 2 no sketch min and max, version 3 the interpolated logarithmic indices; all are refused):
/// <list type="number">
/// <item>magic <c>MSAGGREG</c>, int32 version;</item>
/// <item>int64 paths, int32 days, int32 block size, int32 method (1 exact, 2 sketch),
/// int32 daily metric count, int32 summary metric count;</item>
/// <item>int32 n and the n finished block indices, ascending;</item>
/// <item>per finished block: its metric sums (double[daily x days], index metric x days + day), then
/// each summary's values of the block's paths, then in exact mode every [metric x days + day]
/// column's values of the block's paths;</item>
/// <item>sketch mode: per [metric x days + day] cell, double min, double max, int32 k and k (int8 sign, int32 bucket, int64 count);</item>
/// <item>trailer <c>MSAGGEND</c>.</item>
/// </list>
/// Every number is stored bit for bit and sketches are integer counts, so reading several such
/// streams into one aggregate gives exactly the aggregate of a run that simulated them all.
/// </remarks>
public static class AggregateSerializer
{
    /// <summary>Format version written by <see cref="Write"/>.</summary>
    public const int FormatVersion = 4;

    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("MSAGGREG");
    private static readonly byte[] Trailer = Encoding.ASCII.GetBytes("MSAGGEND");

    /// <summary>Writes every finished block of <paramref name="aggregate"/> (and its sketches) to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, RunAggregate aggregate)
    {
        EnsureLittleEndian();
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(aggregate.Paths);
        w.Write(aggregate.Days);
        w.Write(aggregate.BlockSize);
        w.Write(MethodCode(aggregate.Method));
        w.Write(MetricCatalog.DailyCount);
        w.Write(MetricCatalog.SummaryCount);

        var done = Enumerable.Range(0, aggregate.BlockCount).Where(b => aggregate.BlockSums[b] is not null).ToArray();
        w.Write(done.Length);
        foreach (int b in done) w.Write(b);
        foreach (int b in done)
        {
            int first = (int)aggregate.FirstPath(b), length = aggregate.BlockLength(b);
            w.Write(MemoryMarshal.AsBytes(aggregate.BlockSums[b].AsSpan()));
            foreach (var summary in aggregate.Summaries) w.Write(MemoryMarshal.AsBytes(summary.AsSpan(first, length)));
            if (aggregate.Columns is { } columns)
            {
                foreach (var column in columns) w.Write(MemoryMarshal.AsBytes(column.AsSpan(first, length)));
            }
        }

        if (aggregate.Sketches is { } sketches)
        {
            for (int m = 0; m < MetricCatalog.DailyCount; m++)
            {
                for (int d = 0; d < aggregate.Days; d++)
                {
                    var sketch = sketches[m, d];
                    var buckets = sketch.Buckets().ToList();
                    w.Write(sketch.Min);
                    w.Write(sketch.Max);
                    w.Write(buckets.Count);
                    foreach (var (sign, bucket, count) in buckets)
                    {
                        w.Write((sbyte)sign);
                        w.Write(bucket);
                        w.Write(count);
                    }
                }
            }
        }

        w.Write(Trailer);
    }

    /// <summary>
    /// Adds the blocks stored in <paramref name="stream"/> to <paramref name="target"/>, which must
    /// have the same paths, days, block size and method and none of these blocks yet.
    /// </summary>
    /// <returns>The blocks read, ascending.</returns>
    /// <exception cref="InvalidDataException">The stream is not such a file, does not fit the target or repeats a block.</exception>
    public static int[] Read(Stream stream, RunAggregate target)
    {
        EnsureLittleEndian();
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic)) throw new InvalidDataException("not a MinerSim partial-result file");
            int version = r.ReadInt32();
            if (version != FormatVersion) throw new InvalidDataException($"partial-result format version {version}; this build reads version {FormatVersion}");
            Expect("paths", r.ReadInt64(), target.Paths);
            Expect("days", r.ReadInt32(), target.Days);
            Expect("block size", r.ReadInt32(), target.BlockSize);
            Expect("quantile method", r.ReadInt32(), MethodCode(target.Method));
            Expect("daily metric count", r.ReadInt32(), MetricCatalog.DailyCount);
            Expect("summary metric count", r.ReadInt32(), MetricCatalog.SummaryCount);

            int n = r.ReadInt32();
            if (n < 0 || n > target.BlockCount) throw new InvalidDataException($"{n} blocks in a run of {target.BlockCount}");
            var blocks = new int[n];
            for (int i = 0; i < n; i++)
            {
                blocks[i] = r.ReadInt32();
                if (blocks[i] < 0 || blocks[i] >= target.BlockCount || (i > 0 && blocks[i] <= blocks[i - 1]))
                {
                    throw new InvalidDataException($"bad block list (block {blocks[i]} of {target.BlockCount})");
                }

                if (target.BlockSums[blocks[i]] is not null) throw new InvalidDataException($"block {blocks[i]} is already present (the same paths twice)");
            }

            var input = r.BaseStream;
            foreach (int b in blocks)
            {
                int first = (int)target.FirstPath(b), length = target.BlockLength(b);
                var sums = new double[MetricCatalog.DailyCount * target.Days];
                input.ReadExactly(MemoryMarshal.AsBytes(sums.AsSpan()));
                foreach (var summary in target.Summaries) input.ReadExactly(MemoryMarshal.AsBytes(summary.AsSpan(first, length)));
                if (target.Columns is { } columns)
                {
                    foreach (var column in columns) input.ReadExactly(MemoryMarshal.AsBytes(column.AsSpan(first, length)));
                }

                target.BlockSums[b] = sums;
            }

            if (target.Sketches is { } sketches)
            {
                for (int m = 0; m < MetricCatalog.DailyCount; m++)
                {
                    for (int d = 0; d < target.Days; d++)
                    {
                        var sketch = sketches[m, d];
                        double min = r.ReadDouble(), max = r.ReadDouble();
                        sketch.SetRange(min, max);
                        int k = r.ReadInt32();
                        if (k < 0) throw new InvalidDataException("negative bucket count");
                        for (int i = 0; i < k; i++)
                        {
                            int sign = r.ReadSByte();
                            int bucket = r.ReadInt32();
                            long count = r.ReadInt64();
                            if (count < 0 || sign is < -1 or > 1) throw new InvalidDataException("corrupt sketch bucket");
                            sketch.AddToBucket(sign, bucket, count);
                        }
                    }
                }
            }

            if (!r.ReadBytes(Trailer.Length).AsSpan().SequenceEqual(Trailer)) throw new InvalidDataException("partial-result file is truncated or corrupt");
            return blocks;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("partial-result file is truncated", e);
        }
    }

    private static int MethodCode(QuantileMethod method) => method switch
    {
        QuantileMethod.Exact => 1,
        QuantileMethod.Sketch => 2,
        _ => throw new ArgumentException("resolve Auto before serializing", nameof(method)),
    };

    private static void Expect(string what, long found, long expected)
    {
        if (found != expected) throw new InvalidDataException($"{what} is {found}, expected {expected}");
    }

    private static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("partial-result files are little-endian");
    }
}
