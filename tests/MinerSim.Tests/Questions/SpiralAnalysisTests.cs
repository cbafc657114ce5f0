using MinerSim.Kernel;
using MinerSim.Questions;

namespace MinerSim.Tests.Questions;

public sealed class SpiralAnalysisTests
{
    private static SpiralResult Run(double gamma, int threads, long paths = 600)
    {
        var (without, with) = SpiralAnalysis.Arms(TestScenarios.Load("death-spiral"), gamma);
        return SpiralAnalysis.Run(new CompiledScenario(without, 200), new CompiledScenario(with, 200), 3, paths, threads);
    }

    [Test]
    public void GammaZero_BothArmsIdentical_DifferenceExactlyZero()
    {
        var r = Run(0, 2);
        Assert.Multiple(() =>
        {
            Assert.That(r.With, Is.EqualTo(r.Without));
            Assert.That(r.JointDifference, Is.Zero);
            Assert.That(r.JointDifferenceSe, Is.Zero);
        });
    }

    [Test]
    public void Feedback_RaisesJointCollapse_AndResultDoesNotDependOnThreads()
    {
        var one = Run(0.05, 1);
        var three = Run(0.05, 3);
        Assert.Multiple(() =>
        {
            Assert.That(three, Is.EqualTo(one));
            Assert.That(one.With.Joint, Is.GreaterThan(one.Without.Joint));
            Assert.That(one.JointDifference, Is.EqualTo(one.With.Joint - one.Without.Joint).Within(1e-12));
            Assert.That(one.JointDifferenceSe, Is.GreaterThan(0).And.LessThan(one.With.JointSe));
            Assert.That(one.With.Joint, Is.LessThanOrEqualTo(Math.Min(one.With.PriceFalls, one.With.HashrateFalls)));
        });
    }
}
