namespace MinerSim.Questions;

/// <summary>One arm of the spiral comparison: share of paths with each kind of fall.</summary>
/// <param name="Gamma">Price impact gamma of this arm.</param>
/// <param name="PriceFalls">Share of paths whose price fell past the threshold on some day.</param>
/// <param name="HashrateFalls">Share of paths whose hashrate fell past the threshold on some day.</param>
/// <param name="Joint">Share of paths with both (not necessarily on the same day).</param>
/// <param name="JointSe">Binomial standard error of <paramref name="Joint"/>, sqrt(p (1 - p) / N).</param>
public sealed record SpiralArm(double Gamma, double PriceFalls, double HashrateFalls, double Joint, double JointSe);
