using System.Runtime.CompilerServices;

namespace MinerSim.Random;

/// <summary>
/// One path's random stream: xoshiro256** (Blackman and Vigna 2018) keyed by (seed, path index),
/// so a path's draws never depend on threads, block size or shard split (MODEL.md section 6).
/// </summary>
/// <remarks>Algorithm: https://prng.di.unimi.it/xoshiro256starstar.c.</remarks>
public struct PathStream
{
    private const double Inv53 = 1.0 / (1UL << 53);

    private ulong _s0, _s1, _s2, _s3;

    /// <summary>The stream of path <paramref name="path"/> under master seed <paramref name="seed"/>.</summary>
    public PathStream(ulong seed, long path)
    {
        // Two rounds of SplitMix64 separate the key's parts before they meet, so nearby
        // (seed, path) pairs start from unrelated states.
        ulong k = seed;
        ulong a = SplitMix64.Next(ref k);
        ulong sm = a ^ ((ulong)path * 0xD1B54A32D192ED03UL);
        _ = SplitMix64.Next(ref sm);
        _s0 = SplitMix64.Next(ref sm);
        _s1 = SplitMix64.Next(ref sm);
        _s2 = SplitMix64.Next(ref sm);
        _s3 = SplitMix64.Next(ref sm);
    }

    /// <summary>Raw state, for the vectorized kernel that keeps streams as structure of arrays.</summary>
    internal readonly void GetState(out ulong s0, out ulong s1, out ulong s2, out ulong s3)
    {
        s0 = _s0; s1 = _s1; s2 = _s2; s3 = _s3;
    }

    /// <summary>Next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextBits()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in the open interval (0, 1): never 0, so its logarithm is finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextOpen() => ((NextBits() >> 11) + 0.5) * Inv53;
}
