namespace MinerSim.Network;

/// <summary>TEMPORARY: replaced by the foundation branch's version at merge.</summary>
public static class Retarget
{
    /// <summary>1_209_600 / clamp(span, 302_400, 4_838_400).</summary>
    public static double Factor(double spanSeconds) => 1_209_600.0 / Math.Clamp(spanSeconds, 302_400.0, 4_838_400.0);
}
