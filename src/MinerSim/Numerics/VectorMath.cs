using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MinerSim.Numerics;

/// <summary>
/// Elementary functions on eight doubles at a time (<see cref="Vector512{T}"/>), branch-free and
/// allocation-free, for the block kernel's hot loop. Each is a classic double-precision algorithm
/// (cited per method) with its error bound stated and tested against <see cref="Math"/>.
/// </summary>
/// <remarks>
/// Written against <see cref="Vector512{T}"/>: on hardware without AVX-512 the runtime's software
/// fallback gives the same bits, more slowly. The one direct AVX-512 instruction, Exp's table lookup
/// (vpermt2q in <see cref="Lookup16"/>), has a <see cref="Vector512{T}"/> shuffle fallback with the
/// same result. Every function here is a fixed sequence of IEEE operations, so a value gives the
/// same result on every machine and in every lane.
/// </remarks>
public static partial class VectorMath
{
    private const double Shifter = 6755399441055744.0; // 1.5 * 2^52: adding it rounds to an integer.

    /// <summary>Fused a * b + c.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<double> Fma(Vector512<double> a, Vector512<double> b, Vector512<double> c) =>
        Vector512.FusedMultiplyAdd(a, b, c);

    /// <summary>Fused a * b + c with scalar b and c.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<double> Fma(Vector512<double> a, double b, double c) =>
        Vector512.FusedMultiplyAdd(a, Vector512.Create(b), Vector512.Create(c));

    /// <summary>Rotates every 64-bit lane left by <paramref name="k"/> bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> RotateLeft(Vector512<ulong> x, [ConstantExpected(Min = 1, Max = 63)] int k) =>
        Vector512.ShiftLeft(x, k) | Vector512.ShiftRightLogical(x, 64 - k);
}
