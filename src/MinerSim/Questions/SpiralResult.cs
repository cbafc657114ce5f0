namespace MinerSim.Questions;

/// <summary>What <see cref="SpiralAnalysis"/> found: each arm's probabilities and the paired difference.</summary>
/// <param name="Paths">Paths per arm (the same paths in both).</param>
/// <param name="Days">Horizon.</param>
/// <param name="Gamma">The feedback arm's price impact gamma (the other arm has 0).</param>
/// <param name="PriceFall">Threshold: a path's price fell when min P_t / P0 is below 1 - this.</param>
/// <param name="HashrateFall">Threshold: a path's hashrate fell when min H_t / H_0 is below 1 - this.</param>
/// <param name="Without">The arm without feedback (gamma = 0).</param>
/// <param name="With">The arm with feedback.</param>
/// <param name="JointDifference">P(joint, with) - P(joint, without).</param>
/// <param name="JointDifferenceSe">Standard error of the paired difference: sd of per-path indicator differences / sqrt(N).</param>
public sealed record SpiralResult(
    long Paths,
    int Days,
    double Gamma,
    double PriceFall,
    double HashrateFall,
    SpiralArm Without,
    SpiralArm With,
    double JointDifference,
    double JointDifferenceSe);
