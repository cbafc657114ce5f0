namespace MinerSim.Questions;

/// <summary>One parameter's effect on the metric (a bar of the tornado chart).</summary>
/// <param name="Parameter">Dotted path of the parameter.</param>
/// <param name="BaseValues">The parameter's values in the base scenario (several with <c>[*]</c>).</param>
/// <param name="Low">The metric with the parameter at x(1 - delta).</param>
/// <param name="High">The metric with the parameter at x(1 + delta).</param>
/// <param name="LowEffect">Low - base metric.</param>
/// <param name="HighEffect">High - base metric.</param>
public sealed record SensitivityRow(string Parameter, IReadOnlyList<double> BaseValues, double Low, double High, double LowEffect, double HighEffect)
{
    /// <summary>The larger of the two absolute effects: the sort key, largest first.</summary>
    public double Size => Math.Max(Math.Abs(LowEffect), Math.Abs(HighEffect));
}
