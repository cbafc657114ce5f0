using MinerSim.Aggregation;
using MinerSim.Kernel;

namespace MinerSim.Simulation;

/// <summary>
/// Workers' state (a kernel, sketches, exact sums) kept from one <see cref="Simulator.SimulateBlocks"/> call
/// to the next, emptied after each merge into the aggregate.
/// </summary>
/// <remarks>
/// A run simulates in chunks (<see cref="ChunkedSimulation"/>). With fresh state per chunk, every chunk left
/// its workers' sketch grids (tens of MB at 365 days) and kernels as garbage that a non-concurrent
/// workstation GC reclaims late, so the peak memory of a sketch-mode run grew with its length (about
/// 90 MB more at 2M paths than at 250k). Reused state keeps it flat. Emptying keeps the sketches' bucket
/// ranges and reuse changes no number: counts and exact sums merge the same whatever state they came from.
/// </remarks>
public sealed class WorkerPool
{
    private readonly Stack<State> _idle = new();
    private readonly CompiledScenario _model;
    private readonly QuantileMethod _method;
    private readonly int _days;

    /// <summary>A pool for workers of <paramref name="model"/> with sketches (or not) for <paramref name="days"/> days.</summary>
    public WorkerPool(CompiledScenario model, QuantileMethod method, int days)
    {
        _model = model;
        _method = method;
        _days = days;
    }

    /// <summary>Whether this pool's states fit simulating <paramref name="model"/> into <paramref name="aggregate"/>.</summary>
    internal bool Serves(CompiledScenario model, RunAggregate aggregate) =>
        ReferenceEquals(model, _model) && aggregate.Method == _method && aggregate.Days == _days;

    /// <summary>An empty worker state (reused when one is idle).</summary>
    internal State Take()
    {
        lock (_idle)
        {
            if (_idle.TryPop(out var state)) return state;
        }

        return new State(new BlockKernel(_model), _method == QuantileMethod.Sketch ? new SketchGrid(_days) : null, RunAggregate.NewSums(_days));
    }

    /// <summary>Empties <paramref name="state"/> (after its merge into the aggregate) and keeps it for the next call.</summary>
    internal void Return(State state)
    {
        state.Sketches?.Clear();
        state.Sums.Clear();
        lock (_idle) _idle.Push(state);
    }

    /// <summary>One worker's state.</summary>
    internal sealed record State(BlockKernel Kernel, SketchGrid? Sketches, ExactSum Sums);
}
