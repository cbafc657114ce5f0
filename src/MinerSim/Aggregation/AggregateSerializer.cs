using System.Runtime.InteropServices;
using System.Text;
using MinerSim.Metrics;

namespace MinerSim.Aggregation;

/// <summary>
/// Binary form of the finished blocks of a <see cref="RunAggregate"/> (a shard's partial result or
/// a checkpoint): everything a merge needs to rebuild the same bytes as an unsplit run.
/// </summary>
/// <remarks>
/// Layout (little-endian), format version 5 (version 1 had the sketches' exact logarithmic bucket
/// indices, version 2 no sketch min and max, version 3 the interpolated logarithmic indices, version 4
/// per-block metric sums and every path's summaries in both modes; all are refused):
/// <list type="number">
/// <item>magic <c>MSAGGREG</c>, int32 version;</item>
/// <item>int64 paths, int32 days, int32 block size, int32 method (1 exact, 2 sketch),
/// int32 daily metric count, int32 summary metric count;</item>
/// <item>int32 n and the n finished block indices, ascending;</item>
/// <item>the exact sums (<see cref="ExactSum"/>), per cell ([metric x days + day] for the daily metrics, then
/// one per summary metric): uint8 non-finite flags, int32 first limb f, int32 limb count c and the c normalized
/// limbs f .. f + c - 1 (int64; the others are zero);</item>
/// <item>exact mode, per finished block: each summary's values of the block's paths, then every
/// [metric x days + day] column's values of the block's paths;</item>
/// <item>sketch mode: per [metric x days + day] cell, then per summary metric, the sketch: double min,
/// double max, int32 k and k (int8 sign, int32 bucket, int64 count);</item>
/// <item>trailer <c>MSAGGEND</c>.</item>
/// </list>
/// Every number is stored bit for bit, sums are exact and sketches are integer counts, so reading several
/// such streams into one aggregate gives exactly the aggregate of a run that simulated them all. In sketch
/// mode the size does not depend on the number of paths.
/// </remarks>
public static class AggregateSerializer
{
    /// <summary>Format version written by <see cref="Write"/>.</summary>
    public const int FormatVersion = 5;

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

        var done = Enumerable.Range(0, aggregate.BlockCount).Where(aggregate.IsDone).ToArray();
        w.Write(done.Length);
        foreach (int b in done) w.Write(b);

        var sums = aggregate.Sums;
        sums.Normalize();
        for (int cell = 0; cell < sums.Cells; cell++)
        {
            var limbs = sums.LimbsOf(cell);
            int first = 0, end = limbs.Length;
            while (first < end && limbs[first] == 0) first++;
            while (end > first && limbs[end - 1] == 0) end--;
            w.Write(sums.FlagsOf(cell));
            w.Write(first);
            w.Write(end - first);
            w.Write(MemoryMarshal.AsBytes(limbs[first..end]));
        }

        if (aggregate.Summaries is { } summaries && aggregate.Columns is { } columns)
        {
            foreach (int b in done)
            {
                int first = (int)aggregate.FirstPath(b), length = aggregate.BlockLength(b);
                foreach (var summary in summaries) w.Write(MemoryMarshal.AsBytes(summary.AsSpan(first, length)));
                foreach (var column in columns) w.Write(MemoryMarshal.AsBytes(column.AsSpan(first, length)));
            }
        }

        if (aggregate.Sketches is { } sketches)
        {
            foreach (var sketch in AllSketches(sketches))
            {
                // No list of the buckets: at 365 days the lists of all sketches are tens of MB, much of it
                // on the large-object heap, which a checkpoint would leave behind at every save.
                w.Write(sketch.Min);
                w.Write(sketch.Max);
                w.Write(sketch.BucketCount);
                foreach (var (sign, bucket, count) in sketch.Buckets())
                {
                    w.Write((sbyte)sign);
                    w.Write(bucket);
                    w.Write(count);
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

                if (target.IsDone(blocks[i])) throw new InvalidDataException($"block {blocks[i]} is already present (the same paths twice)");
            }

            var sums = target.Sums;
            Span<long> limbs = stackalloc long[ExactSum.Limbs];
            for (int cell = 0; cell < sums.Cells; cell++)
            {
                byte flags = r.ReadByte();
                int first = r.ReadInt32(), count = r.ReadInt32();
                if (first < 0 || count < 0 || count > ExactSum.Limbs - first) throw new InvalidDataException("corrupt exact sum");
                r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(limbs[..count]));
                sums.AddStored(cell, first, limbs[..count], flags);
            }

            var input = r.BaseStream;
            if (target.Summaries is { } summaries && target.Columns is { } columns)
            {
                foreach (int b in blocks)
                {
                    int first = (int)target.FirstPath(b), length = target.BlockLength(b);
                    foreach (var summary in summaries) input.ReadExactly(MemoryMarshal.AsBytes(summary.AsSpan(first, length)));
                    foreach (var column in columns) input.ReadExactly(MemoryMarshal.AsBytes(column.AsSpan(first, length)));
                }
            }

            if (target.Sketches is { } sketches)
            {
                foreach (var sketch in AllSketches(sketches))
                {
                    double min = r.ReadDouble(), max = r.ReadDouble();
                    sketch.SetRange(min, max);
                    int k = r.ReadInt32();
                    if (k < 0) throw new InvalidDataException("negative bucket count");
                    for (int i = 0; i < k; i++)
                    {
                        int sign = r.ReadSByte();
                        int bucket = r.ReadInt32();
                        long count = r.ReadInt64();
                        // Buckets are the top bits of a positive double (below 2^19) and counts are path counts.
                        if (count < 0 || count > int.MaxValue || sign is < -1 or > 1 || bucket < 0 || bucket >= 1 << 19)
                        {
                            throw new InvalidDataException("corrupt sketch bucket");
                        }

                        sketch.AddToBucket(sign, bucket, count);
                    }
                }
            }

            foreach (int b in blocks) target.MarkDone(b);
            if (!r.ReadBytes(Trailer.Length).AsSpan().SequenceEqual(Trailer)) throw new InvalidDataException("partial-result file is truncated or corrupt");
            return blocks;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("partial-result file is truncated", e);
        }
        catch (OverflowException e)
        {
            throw new InvalidDataException("partial-result file is corrupt (a count overflows)", e);
        }
    }

    /// <summary>The daily cells' sketches in [metric x days + day] order, then the summaries'.</summary>
    private static IEnumerable<LogBucketSketch> AllSketches(SketchGrid sketches)
    {
        for (int m = 0; m < MetricCatalog.DailyCount; m++)
        {
            for (int d = 0; d < sketches.Days; d++) yield return sketches[m, d];
        }

        for (int s = 0; s < MetricCatalog.SummaryCount; s++) yield return sketches.Summary(s);
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
