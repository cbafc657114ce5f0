using System.Numerics;
using System.Runtime.CompilerServices;

namespace MinerSim.Aggregation;

/// <summary>
/// A fixed number of exact sums of doubles ("cells"): each cell holds its sum with no rounding at
/// all, so adding the same multiset of doubles in any order, on any thread, split across any shards
/// and merged in any order, leaves the same state, and <see cref="Round"/> the same bits.
/// </summary>
/// <remarks>
/// <para>Why exact. The daily means were the per-block sums added in block order, which needed every
/// block's sums kept until the end of the run (29 KB per 1,024 paths at 365 days): a float sum depends on
/// the order of its terms, and the order of finishing blocks depends on threads and shard splits.
/// Integer addition does not, so each cell is a fixed-point integer in units of 2^-1074, the smallest
/// subnormal, wide enough for every finite double: a double is m 2^e with m &lt; 2^53 and
/// -1074 &lt;= e &lt;= 971, so it is an integer of at most 2098 bits in those units.</para>
/// <para>The representation. A cell is <see cref="Limbs"/> signed 64-bit limbs, limb i worth 2^(32 i - 1074):
/// 66 limbs cover bits 0 .. 2111 and a 67th takes the carries (a sum of up to 2^63 doubles stays below
/// 2^1087, far inside it). Adding a double touches at most three limbs, each by less than 2^32 in
/// magnitude, with no carry; a limb would overflow only after 2^31 such additions, so carries are
/// propagated lazily (<see cref="Normalize"/>), at the latest every 2^30 additions. The normal form puts
/// every limb but the last in [-2^31, 2^31), which is unique for each value (so equal sums have equal limbs)
/// and keeps the limbs of small sums of either sign few (<see cref="AggregateSerializer"/> stores only
/// the non-zero range).</para>
/// <para>Rounding. <see cref="Round"/> is the exact sum correctly rounded to the nearest double, ties to even
/// (an exact zero is +0; a sum beyond the largest double rounds to an infinity, as IEEE rounding does). It does
/// not change the cell, so a cell can be read, added to and read again.</para>
/// <para>Non-finite terms. The model produces none, but a sum that met one should not report a finite number:
/// each cell records whether it saw a NaN, +infinity or -infinity, and <see cref="Round"/> then returns what a
/// float sum of the same terms returns in any order (NaN if there was a NaN or both infinities, else that
/// infinity). The flags merge by union, so they too do not depend on order.</para>
/// <para>Cost. An addition is a dozen integer operations on one or two cache lines; the run adds one block sum
/// per cell per block (3,655 cells at 365 days, one block of 1,024 paths), well under a millisecond per block of
/// about 25 ms of simulation.</para>
/// </remarks>
public sealed class ExactSum
{
    /// <summary>Limbs per cell: 66 for the bits of any finite double (2^-1074 .. 2^1024) and one for carries.</summary>
    public const int Limbs = 67;

    private const int NormalizeEvery = 1 << 30;
    private const byte NaNFlag = 1, PositiveInfinityFlag = 2, NegativeInfinityFlag = 4;

    private readonly long[] _limbs;
    private readonly byte[] _flags;

    /// <summary>Bound on any limb's magnitude since the last normalization, in units of 2^32.</summary>
    private long _pending = 1;

    /// <summary>Creates <paramref name="cells"/> zero sums.</summary>
    public ExactSum(int cells)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cells);
        Cells = cells;
        _limbs = new long[checked(cells * Limbs)];
        _flags = new byte[cells];
    }

    /// <summary>Number of independent sums.</summary>
    public int Cells { get; }

    /// <summary>Adds <paramref name="x"/> exactly to cell <paramref name="cell"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int cell, double x)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(x);
        int biased = (int)((bits >> 52) & 0x7FF);
        ulong m = bits & ((1UL << 52) - 1);
        if (biased == 0x7FF)
        {
            _flags[cell] |= (byte)(m != 0 ? NaNFlag : (long)bits < 0 ? NegativeInfinityFlag : PositiveInfinityFlag);
            return;
        }

        // x = m 2^shift in units of 2^-1074 (a subnormal has shift 0 and no hidden bit).
        int shift = 0;
        if (biased != 0)
        {
            m |= 1UL << 52;
            shift = biased - 1;
        }
        else if (m == 0)
        {
            return;
        }

        int limb = shift >> 5, offset = shift & 31;
        long w0 = (long)(uint)(m << offset);
        long w1 = (long)(uint)(m >> (32 - offset));
        long w2 = (long)(uint)((m >> 32) >> (32 - offset));
        ref long target = ref _limbs[(cell * Limbs) + limb];
        if ((long)bits < 0)
        {
            w0 = -w0;
            w1 = -w1;
            w2 = -w2;
        }

        target += w0;
        Unsafe.Add(ref target, 1) += w1;
        Unsafe.Add(ref target, 2) += w2;
        if (++_pending >= NormalizeEvery) Normalize();
    }

    /// <summary>Adds every cell of <paramref name="other"/> (same number of cells) into this one's: the same state as adding its terms one by one.</summary>
    public void Add(ExactSum other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Cells != Cells) throw new ArgumentException($"{other.Cells} cells, expected {Cells}", nameof(other));
        if (_pending + other._pending >= NormalizeEvery)
        {
            Normalize();
            other.Normalize();
        }

        for (int i = 0; i < _limbs.Length; i++) _limbs[i] += other._limbs[i];
        for (int c = 0; c < Cells; c++) _flags[c] |= other._flags[c];
        _pending += other._pending;
    }

    /// <summary>Sets every cell to zero (a reused worker's sums).</summary>
    public void Clear()
    {
        Array.Clear(_limbs);
        Array.Clear(_flags);
        _pending = 1;
    }

    /// <summary>Cell <paramref name="cell"/> correctly rounded to a double (see the remarks for non-finite terms).</summary>
    public double Round(int cell)
    {
        byte flags = _flags[cell];
        if (flags != 0)
        {
            if ((flags & NaNFlag) != 0 || flags == (PositiveInfinityFlag | NegativeInfinityFlag)) return double.NaN;
            return (flags & PositiveInfinityFlag) != 0 ? double.PositiveInfinity : double.NegativeInfinity;
        }

        Span<long> limbs = stackalloc long[Limbs];
        _limbs.AsSpan(cell * Limbs, Limbs).CopyTo(limbs);
        NormalizeBalanced(limbs);
        int top = Limbs - 1;
        while (top >= 0 && limbs[top] == 0) top--;
        if (top < 0) return 0.0;

        // In the normal form the highest non-zero limb carries the sign (the limbs below it add up to less than half of one of its units).
        bool negative = limbs[top] < 0;
        if (negative)
        {
            for (int i = 0; i <= top; i++) limbs[i] = -limbs[i];
        }

        // Magnitude as 32-bit words (the last limb may need two).
        Span<uint> words = stackalloc uint[Limbs + 1];
        long carry = 0;
        for (int i = 0; i < Limbs - 1; i++)
        {
            long v = limbs[i] + carry;
            words[i] = (uint)v;
            carry = v >> 32;
        }

        ulong last = (ulong)(limbs[Limbs - 1] + carry);
        words[Limbs - 1] = (uint)last;
        words[Limbs] = (uint)(last >> 32);
        double magnitude = RoundMagnitude(words);
        return negative ? -magnitude : magnitude;
    }

    /// <summary>The non-negative integer <paramref name="words"/> (units of 2^-1074, little-endian 32-bit words) rounded to nearest, ties to even.</summary>
    private static double RoundMagnitude(ReadOnlySpan<uint> words)
    {
        int h = words.Length - 1;
        while (words[h] == 0) h--;
        int p = (32 * h) + 31 - BitOperations.LeadingZeroCount(words[h]);

        // Up to 53 bits: a subnormal or the smallest normal binade, whose bits are the integer itself.
        if (p <= 52) return BitConverter.UInt64BitsToDouble(words[0] | ((ulong)words[1] << 32));

        int shift = p - 52;
        ulong mantissa = (ulong)(Window(words, shift) & ((1UL << 53) - 1));
        bool half = Bit(words, shift - 1);
        bool sticky = AnyBelow(words, shift - 1);
        if (half && (sticky || (mantissa & 1) != 0)) mantissa++;
        if (mantissa == 1UL << 53)
        {
            mantissa >>= 1;
            shift++;
        }

        // mantissa in [2^52, 2^53) times 2^(shift - 1074): biased exponent shift + 1, so the bits are shift 2^52 + mantissa.
        if (shift + 1 >= 0x7FF) return double.PositiveInfinity;
        return BitConverter.UInt64BitsToDouble(((ulong)shift << 52) + mantissa);
    }

    private static UInt128 Window(ReadOnlySpan<uint> words, int start)
    {
        int i = start >> 5;
        UInt128 v = 0;
        for (int j = 2; j >= 0; j--) v = (v << 32) | (i + j < words.Length ? words[i + j] : 0u);
        return v >> (start & 31);
    }

    private static bool Bit(ReadOnlySpan<uint> words, int position) => ((words[position >> 5] >> (position & 31)) & 1) != 0;

    private static bool AnyBelow(ReadOnlySpan<uint> words, int position)
    {
        int i = position >> 5;
        for (int j = 0; j < i; j++)
        {
            if (words[j] != 0) return true;
        }

        return (words[i] & ((1u << (position & 31)) - 1)) != 0;
    }

    /// <summary>Propagates the carries of every cell into the normal form (no value changes).</summary>
    public void Normalize()
    {
        for (int c = 0; c < Cells; c++) NormalizeBalanced(_limbs.AsSpan(c * Limbs, Limbs));
        _pending = 1;
    }

    /// <summary>Every limb but the last into [-2^31, 2^31), the rest carried up: a unique form for each value.</summary>
    private static void NormalizeBalanced(Span<long> limbs)
    {
        for (int i = 0; i < limbs.Length - 1; i++)
        {
            long carry = (limbs[i] + (1L << 31)) >> 32;
            limbs[i] -= carry << 32;
            limbs[i + 1] += carry;
        }
    }

    /// <summary>The normalized limbs of cell <paramref name="cell"/> (call <see cref="Normalize"/> first); equal sums have equal limbs.</summary>
    internal ReadOnlySpan<long> LimbsOf(int cell) => _limbs.AsSpan(cell * Limbs, Limbs);

    /// <summary>The non-finite terms cell <paramref name="cell"/> has seen (bit 0 NaN, 1 +infinity, 2 -infinity).</summary>
    internal byte FlagsOf(int cell) => _flags[cell];

    /// <summary>
    /// Adds a stored sum to cell <paramref name="cell"/>: <paramref name="limbs"/> from limb <paramref name="first"/> on,
    /// each but the last limb of a cell in [-2^31, 2^31) (deserialization; merging adds, so it is order-free too).
    /// </summary>
    /// <exception cref="InvalidDataException">The limbs or flags are not those of a normalized sum.</exception>
    internal void AddStored(int cell, int first, ReadOnlySpan<long> limbs, byte flags)
    {
        if (first < 0 || limbs.Length > Limbs - first || (flags & ~7) != 0) throw new InvalidDataException("corrupt exact sum");
        if (_pending + 1 >= NormalizeEvery) Normalize();
        var target = _limbs.AsSpan((cell * Limbs) + first, limbs.Length);
        for (int i = 0; i < limbs.Length; i++)
        {
            bool isLast = first + i == Limbs - 1;
            if (!isLast && (limbs[i] < -(1L << 31) || limbs[i] >= 1L << 31)) throw new InvalidDataException("corrupt exact sum");
            if (isLast && (limbs[i] < -(1L << 50) || limbs[i] > 1L << 50)) throw new InvalidDataException("corrupt exact sum");
            target[i] += limbs[i];
        }

        _flags[cell] |= flags;
        _pending++;
    }
}
