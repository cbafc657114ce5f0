using System.Runtime.CompilerServices;

namespace MinerSim.Random;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014), used only to expand a (seed, path) key into
/// xoshiro256** state, as its authors recommend.
/// </summary>
/// <remarks>Constants from Vigna's reference implementation, https://prng.di.unimi.it/splitmix64.c.</remarks>
public static class SplitMix64
{
    /// <summary>Advances <paramref name="state"/> and returns the next output.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Next(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
