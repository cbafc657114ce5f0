namespace MinerSim.Kernel;

/// <summary>
/// One pinned array carved into 64-byte aligned buffers, so every <c>Vector512</c> load and store of
/// the kernel touches a single cache line (worth 8-10% here, see docs/STACK.md). The array lives on
/// the pinned object heap: its address never moves while the owner holds the slab.
/// </summary>
internal sealed unsafe class AlignedSlab
{
    private const int Alignment = 64;
    private readonly byte[] _bytes;
    private readonly byte* _base;
    private long _used;

    /// <summary>Reserves <paramref name="bytes"/> bytes (the sum of the buffers' rounded-up sizes).</summary>
    public AlignedSlab(long bytes)
    {
        _bytes = GC.AllocateArray<byte>((int)(bytes + Alignment), pinned: true);
        fixed (byte* p = _bytes)
        {
            _base = (byte*)(((nuint)p + Alignment - 1) & ~(nuint)(Alignment - 1));
        }
    }

    /// <summary>Bytes a buffer of <paramref name="count"/> elements of <paramref name="size"/> bytes takes in the slab.</summary>
    public static long Footprint(long count, int size) => (count * size + Alignment - 1) / Alignment * Alignment;

    /// <summary>The next zeroed, aligned buffer of <paramref name="count"/> elements.</summary>
    public T* Take<T>(long count)
        where T : unmanaged
    {
        long bytes = Footprint(count, sizeof(T));
        if (_used + bytes > _bytes.Length - Alignment) throw new InvalidOperationException("slab too small");
        var p = (T*)(_base + _used);
        _used += bytes;
        return p;
    }
}
