using MinerSim.Kernel;

namespace MinerSim.Benchmarks;

/// <summary>A sink that only touches one value a day, so the kernel's own cost can be measured.</summary>
internal sealed class NullSink : IBlockSink
{
    public double Checksum { get; private set; }

    public void AcceptDay(int day, ReadOnlySpan<double> values, int count) => Checksum += values[0];

    public void AcceptSummaries(ReadOnlySpan<double> values, int count) => Checksum += values[0];
}
