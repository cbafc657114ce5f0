using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using MinerSim.Numerics;

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

    /// <summary>
    /// <see cref="BoxMuller(double, double)"/> on eight pairs of uniforms at once: the same formula with
    /// <see cref="VectorMath.Log"/> and <see cref="VectorMath.SinCosTurns"/>, so a lane differs from the
    /// scalar pair by less than 1e-14 absolute (tested; normals are below 8.6 in magnitude).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector512<double> Z0, Vector512<double> Z1) BoxMuller(Vector512<double> u1, Vector512<double> u2)
    {
        var r = Vector512.Sqrt(Vector512.Create(-2.0) * VectorMath.Log(u1));
        var (sin, cos) = VectorMath.SinCosTurns(u2);
        return (r * cos, r * sin);
    }
}
