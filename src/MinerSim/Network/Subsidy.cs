namespace MinerSim.Network;

/// <summary>TEMPORARY: replaced by the foundation branch's version at merge.</summary>
public static class Subsidy
{
    /// <summary>50 / 2^floor(h / 210000) BTC.</summary>
    public static double AtHeight(double height)
    {
        int halvings = (int)Math.Floor(height / 210_000.0);
        return halvings >= 64 ? 0.0 : 50.0 / Math.Pow(2.0, halvings);
    }
}
