using System.Runtime.CompilerServices;

namespace MinerSim.Random;

/// <summary>Standard normal pairs by the Box-Muller transform (Box and Muller 1958).</summary>
public static class Gaussian
{
    /// <summary>Two independent N(0,1) values from two uniforms in (0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Z0, double Z1) BoxMuller(double u1, double u2)
    {
        double r = Math.Sqrt(-2.0 * Math.Log(u1));
        (double sin, double cos) = Math.SinCos(2.0 * Math.PI * u2);
        return (r * cos, r * sin);
    }

    /// <summary>Two N(0,1) values from the next two uniforms of <paramref name="stream"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Z0, double Z1) NextPair(ref PathStream stream)
    {
        double u1 = stream.NextOpen();
        double u2 = stream.NextOpen();
        return BoxMuller(u1, u2);
    }
}
