namespace MinerSim.Charts.Files;

/// <summary>One chart rendered as SVG text, for embedding in a page.</summary>
/// <param name="Name">File stem, for example <c>fan-miner_sales</c>.</param>
/// <param name="Svg">The SVG document.</param>
public sealed record ChartSvg(string Name, string Svg);
