using MinerSim.Aggregation;
using MinerSim.Cli.Output;
using MinerSim.Cli.Scenarios;
using MinerSim.Kernel;
using MinerSim.Simulation;

namespace MinerSim.Cli.Runs;

/// <summary>What <c>minersim run</c> will do, after options, environment or a checkpoint are read.</summary>
internal sealed record RunPlan
{
    public required ScenarioFiles.Loaded Loaded { get; init; }
    public required ulong Seed { get; init; }
    public required long Paths { get; init; }
    public required int Days { get; init; }
    /// <summary>Exact or sketch, resolved on the whole run's paths (the same for every shard).</summary>
    public required QuantileMethod Method { get; init; }
    public required ShardPlan Shard { get; init; }
    /// <summary>True: write a partial folder for <c>minersim merge</c> (<c>--shard</c>); false: a run folder.</summary>
    public required bool Partial { get; init; }
    public required string OutDir { get; init; }
    public required bool Charts { get; init; }

    /// <summary>The model the kernel runs.</summary>
    public CompiledScenario Compile() => Loaded.Compile(Days);

    /// <summary>Blocks of paths in the whole run.</summary>
    public int BlockCount => (int)((Paths + BlockKernel.BlockSize - 1) / BlockKernel.BlockSize);

    /// <summary>The manifest of this run's partial folder or checkpoint.</summary>
    public PartialManifest Manifest(bool complete, double wallSeconds, int threads) => new()
    {
        Scenario = Loaded.Scenario.Name,
        ScenarioHash = Loaded.Hash,
        ScenarioPath = Path.GetFullPath(Loaded.Path),
        Seed = Seed,
        Paths = Paths,
        Days = Days,
        QuantileMethod = Method.ToString().ToLowerInvariant(),
        EngineVersion = EngineInfo.Version,
        BlockSize = BlockKernel.BlockSize,
        BlockCount = BlockCount,
        ShardIndex = Shard.Index,
        ShardCount = Shard.Count,
        FirstBlock = Shard.FirstBlock(BlockCount),
        EndBlock = Shard.EndBlock(BlockCount),
        Complete = complete,
        WholeRun = !Partial,
        Charts = Charts,
        StartDate = Loaded.Scenario.StartDate,
        WallSeconds = wallSeconds,
        Threads = threads,
    };

    /// <summary>How a checkpoint found in the output's place differs from this plan, or null when it is this run's.</summary>
    public string? Differs(PartialManifest checkpoint)
    {
        var mine = Manifest(false, 0, 0);
        if (mine.Mismatch(checkpoint) is { } field) return field;
        if (mine.ShardIndex != checkpoint.ShardIndex) return $"shard {mine.ShardIndex} vs {checkpoint.ShardIndex}";
        return mine.WholeRun != checkpoint.WholeRun ? "a shard vs a whole run" : null;
    }

    /// <summary>The plan saved in the checkpoint of <paramref name="outDir"/>; refuses when the scenario file changed.</summary>
    public static RunPlan FromCheckpoint(string outDir, PartialManifest m)
    {
        if (!File.Exists(m.ScenarioPath))
        {
            throw new InvalidDataException($"--resume: the checkpoint's scenario file {m.ScenarioPath} is gone; restore it to resume");
        }

        var loaded = ScenarioFiles.Load(m.ScenarioPath);
        if (loaded.Hash != m.ScenarioHash)
        {
            throw new InvalidDataException($"--resume: {m.ScenarioPath} changed since the checkpoint (scenario hash {Short(loaded.Hash)} vs {Short(m.ScenarioHash)}); restore it or start a new run");
        }

        if (m.EngineVersion != EngineInfo.Version || m.BlockSize != BlockKernel.BlockSize)
        {
            throw new InvalidDataException($"--resume: the checkpoint was written by engine {m.EngineVersion} (block size {m.BlockSize}), this is {EngineInfo.Version} (block size {BlockKernel.BlockSize}); start a new run");
        }

        if (m.ShardCount < 1 || m.ShardIndex < 0 || m.ShardIndex >= m.ShardCount)
        {
            throw new InvalidDataException($"--resume: bad shard {m.ShardIndex}/{m.ShardCount} in the checkpoint");
        }

        var method = Enum.TryParse<QuantileMethod>(m.QuantileMethod, ignoreCase: true, out var q) && q != QuantileMethod.Auto
            ? q
            : throw new InvalidDataException($"--resume: bad quantile method '{m.QuantileMethod}' in the checkpoint");
        return new RunPlan
        {
            Loaded = loaded,
            Seed = m.Seed,
            Paths = m.Paths,
            Days = m.Days,
            Method = method,
            Shard = new ShardPlan(m.ShardIndex, m.ShardCount),
            Partial = !m.WholeRun,
            OutDir = outDir,
            Charts = m.Charts,
        };
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
