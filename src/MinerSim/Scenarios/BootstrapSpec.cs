namespace MinerSim.Scenarios;

/// <summary>Block bootstrap of historical daily log returns read from a <c>date,close</c> CSV.</summary>
public sealed record BootstrapSpec
{
    /// <summary>CSV path, relative to the scenario file's folder.</summary>
    public required string File { get; init; }
    /// <summary>Block length in days (default 30).</summary>
    public int BlockDays { get; init; } = 30;
    /// <summary>Subtract the sample mean log return so the median path is flat (default false).</summary>
    public bool Demean { get; init; }
}
