using ScottPlot;

namespace MinerSim.Charts;

/// <summary>A chart to draw: its file stem and how to build it (null when the run lacks its data).</summary>
/// <param name="Name">File stem, for example <c>fan-miner_sales</c>.</param>
/// <param name="Build">Builds the plot; the caller renders and disposes it.</param>
internal sealed record ChartSpec(string Name, Func<Plot?> Build);
