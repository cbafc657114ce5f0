namespace MinerSim.Scenarios;

/// <summary>A scenario that cannot be read or is out of range; the message is one line for people.</summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException(string message) : base(message) { }
    public ScenarioException() { }
    public ScenarioException(string message, Exception inner) : base(message, inner) { }

    /// <summary>A malformed row of a data file: <c>source: line N: what</c>.</summary>
    internal static ScenarioException AtLine(string source, int line, string what) => new($"{source}: line {line}: {what}");
}
