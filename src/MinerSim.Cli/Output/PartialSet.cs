namespace MinerSim.Cli.Output;

/// <summary>Checks that a set of partial results is exactly the shards of one run, each once.</summary>
internal static class PartialSet
{
    /// <summary>A partial folder and its manifest.</summary>
    public sealed record Part(string Dir, PartialManifest Manifest);

    /// <summary>Throws a one-line <see cref="InvalidDataException"/> for the first problem found.</summary>
    /// <returns>The parts in shard order.</returns>
    public static IReadOnlyList<Part> Check(IReadOnlyList<Part> parts)
    {
        if (parts.Count == 0) throw new InvalidDataException("merge: no partial results given");
        var reference = parts[0];
        foreach (var part in parts.Skip(1))
        {
            if (part.Manifest.Mismatch(reference.Manifest) is { } difference)
            {
                throw new InvalidDataException($"merge: {part.Dir} is not from the same run as {reference.Dir}: {difference}");
            }
        }

        if (parts.FirstOrDefault(p => !p.Manifest.Complete) is { } unfinished)
        {
            throw new InvalidDataException($"merge: {unfinished.Dir} is an unfinished checkpoint, not a shard's result; finish its run first");
        }

        int count = reference.Manifest.ShardCount;
        var problems = new List<string>();
        var missing = Enumerable.Range(0, count).Except(parts.Select(p => p.Manifest.ShardIndex)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"missing shard{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} of {count} (numbered 0 to {count - 1})");
        }

        foreach (var group in parts.GroupBy(p => p.Manifest.ShardIndex).Where(g => g.Count() > 1).OrderBy(g => g.Key))
        {
            problems.Add($"shard {group.Key} given {group.Count()} times ({string.Join(", ", group.Select(p => p.Dir))})");
        }

        if (problems.Count > 0) throw new InvalidDataException("merge: " + string.Join("; ", problems));
        return [.. parts.OrderBy(p => p.Manifest.ShardIndex)];
    }
}
