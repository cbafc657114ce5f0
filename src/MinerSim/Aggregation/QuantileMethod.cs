namespace MinerSim.Aggregation;

/// <summary>How daily percentiles are computed.</summary>
public enum QuantileMethod
{
    /// <summary>Exact when every path-day value fits in the memory budget, else sketch.</summary>
    Auto,
    /// <summary>Exact order statistics, numpy's default linear interpolation.</summary>
    Exact,
    /// <summary>Mergeable log-bucket sketch, 0.39% relative accuracy (1/257), memory flat in paths.</summary>
    Sketch,
}
