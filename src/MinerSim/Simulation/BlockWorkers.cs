namespace MinerSim.Simulation;

/// <summary>
/// Hands block indices 0 .. count-1 to worker threads from one shared counter. Each worker gets
/// its own state from <c>newWorker</c> (a kernel, a sink, sketches), so which worker runs a block
/// never changes what the block computes: results depend on blocks, not on threads.
/// </summary>
public static class BlockWorkers
{
    /// <summary>
    /// Runs every block once; <paramref name="newWorker"/> is called once per worker (with its index)
    /// and returns the action that simulates one block. Stops between blocks when cancelled.
    /// </summary>
    /// <returns>The number of workers used.</returns>
    public static int Run(long count, int threads, Func<int, Action<long>> newWorker, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(newWorker);
        long next = -1;
        int workers = (int)Math.Clamp(threads, 1, Math.Max(1, Math.Min(count, 1024)));

        void Work(int w)
        {
            var runBlock = newWorker(w);
            long i;
            while (!cancellation.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < count)
            {
                runBlock(i);
            }
        }

        if (workers == 1)
        {
            Work(0);
            return 1;
        }

        var list = new Thread[workers];
        for (int w = 0; w < workers; w++)
        {
            int id = w;
            list[w] = new Thread(() => Work(id)) { IsBackground = true, Name = $"minersim-worker-{id}" };
            list[w].Start();
        }

        foreach (var t in list) t.Join();
        return workers;
    }
}
