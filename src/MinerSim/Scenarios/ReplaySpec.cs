namespace MinerSim.Scenarios;

/// <summary>
/// The <c>replay</c> price model: every path follows the real daily closes of a <c>date,close</c> CSV,
/// from the scenario's <c>startDate</c> on (MODEL.md section 10). Fees and miners' draws stay random.
/// </summary>
public sealed record ReplaySpec
{
    /// <summary>CSV path, relative to the scenario file's folder.</summary>
    public required string File { get; init; }
}
