using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using MinerSim.Numerics;

namespace MinerSim.Random;

/// <summary>Eight <see cref="PathStream"/>s side by side: xoshiro256** on <see cref="Vector512{T}"/> lanes.</summary>
public static class LaneStreams
{
    /// <summary>The next uniform in (0, 1) of eight xoshiro256** streams, bit for bit <see cref="PathStream.NextOpen"/>.</summary>
    /// <remarks>x * 5 and x * 9 as shifts and adds: AVX-512 has no 64-bit lane multiply that the JIT emits cheaply.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> NextUniform(ref Vector512<ulong> s0, ref Vector512<ulong> s1, ref Vector512<ulong> s2, ref Vector512<ulong> s3)
    {
        var x5 = (s1 << 2) + s1;
        var rot = VectorMath.RotateLeft(x5, 7);
        var result = (rot << 3) + rot;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = VectorMath.RotateLeft(s3, 45);
        // (bits >> 11) < 2^53 converts exactly, as in the scalar stream.
        return (Vector512.ConvertToDouble((result >> 11).AsInt64()) + Vector512.Create(0.5)) * Vector512.Create(1.0 / (1UL << 53));
    }
}
