using System.Globalization;
using MinerSim.Cli.Hosting;
using MinerSim.Simulation;

namespace MinerSim.Cli.Runs;

/// <summary>
/// Reads <c>--shard i/n</c> or <c>--shard auto</c>. Auto takes the index from
/// <c>SLURM_ARRAY_TASK_ID</c> (a Slurm job array, which must be numbered from 0) or
/// <c>JOB_COMPLETION_INDEX</c> (a Kubernetes Indexed Job), and the count from
/// <c>--shard-count</c>, else <c>SLURM_ARRAY_TASK_COUNT</c>.
/// </summary>
internal static class ShardOption
{
    /// <summary>The shard, or null when <paramref name="text"/> is null (the whole run).</summary>
    /// <param name="text">The value of <c>--shard</c>.</param>
    /// <param name="count">The value of <c>--shard-count</c>.</param>
    /// <param name="environment">Looks up an environment variable.</param>
    /// <exception cref="UsageException">Malformed value, or auto without a scheduler's variables.</exception>
    public static ShardPlan? Resolve(string? text, int? count, Func<string, string?> environment)
    {
        if (text is null)
        {
            if (count is not null) throw new UsageException("--shard-count: only with --shard auto");
            return null;
        }

        if (count is int c && c < 1) throw new UsageException($"--shard-count: {c} is not a positive number of shards");
        if (text.Equals("auto", StringComparison.OrdinalIgnoreCase)) return FromEnvironment(count, environment);
        if (count is not null) throw new UsageException("--shard-count: only with --shard auto (--shard i/n gives the count)");

        int slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !TryInt(text[..slash], out int index) || !TryInt(text[(slash + 1)..], out int n) || n < 1)
        {
            throw new UsageException($"--shard: '{text}' is not i/n (0-based shard i of n, e.g. 0/8) or auto");
        }

        if (index >= n) throw new UsageException($"--shard: index {index} is not below the shard count {n} (shards are numbered 0 to {n - 1})");
        return new ShardPlan(index, n);
    }

    private static ShardPlan FromEnvironment(int? count, Func<string, string?> environment)
    {
        if (environment("SLURM_ARRAY_TASK_ID") is { Length: > 0 } slurmId)
        {
            int index = Parse("SLURM_ARRAY_TASK_ID", slurmId);
            int n;
            if (count is int c)
            {
                n = c;
            }
            else
            {
                // Without --shard-count the array must be 0..N-1 (a rerun of one task needs --shard-count).
                string? min = environment("SLURM_ARRAY_TASK_MIN");
                if (min is { Length: > 0 } && Parse("SLURM_ARRAY_TASK_MIN", min) != 0)
                {
                    throw new UsageException($"--shard auto: the Slurm array starts at {min}, not 0; submit --array=0-<N-1> or pass --shard-count N");
                }

                n = Parse("SLURM_ARRAY_TASK_COUNT", environment("SLURM_ARRAY_TASK_COUNT")
                    ?? throw new UsageException("--shard auto: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not; pass --shard-count N"));
            }

            return Checked("SLURM_ARRAY_TASK_ID", index, n);
        }

        if (environment("JOB_COMPLETION_INDEX") is { Length: > 0 } k8sIndex)
        {
            int index = Parse("JOB_COMPLETION_INDEX", k8sIndex);
            int n = count ?? throw new UsageException("--shard auto: JOB_COMPLETION_INDEX (Kubernetes Indexed Job) is set; pass --shard-count N equal to the Job's completions");
            return Checked("JOB_COMPLETION_INDEX", index, n);
        }

        throw new UsageException("--shard auto: neither SLURM_ARRAY_TASK_ID (Slurm job array) nor JOB_COMPLETION_INDEX (Kubernetes Indexed Job) is set; use --shard i/n");
    }

    private static ShardPlan Checked(string variable, int index, int n)
    {
        if (n < 1) throw new UsageException($"--shard auto: shard count {n} is not positive");
        if (index >= n) throw new UsageException($"--shard auto: {variable}={index} is not below the shard count {n}");
        return new ShardPlan(index, n);
    }

    private static int Parse(string variable, string value) =>
        TryInt(value, out int x) ? x : throw new UsageException($"--shard auto: {variable}='{value}' is not a non-negative integer");

    private static bool TryInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
