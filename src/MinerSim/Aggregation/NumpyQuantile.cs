using System.Runtime.CompilerServices;
namespace MinerSim.Aggregation;

/// <summary>
/// Exact quantiles by numpy's default method (<c>method="linear"</c>, Hyndman-Fan type 7):
/// h = (n - 1) q, interpolated between the order statistics floor(h) and floor(h) + 1.
/// </summary>
/// <remarks>
/// The interpolation copies numpy's <c>_lerp</c> (numpy/lib/_function_base_impl.py), which
/// computes from the upper neighbour when t &gt;= 0.5, so results match numpy to the last bit.
/// </remarks>
public static class NumpyQuantile
{
    /// <summary>Quantile <paramref name="q"/> of already sorted <paramref name="sorted"/>.</summary>
    public static double OfSorted(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.IsEmpty) return double.NaN;
        double h = (sorted.Length - 1) * q;
        int lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1) return sorted[^1];
        return Lerp(sorted[lo], sorted[lo + 1], h - lo);
    }

    /// <summary>
    /// The seven <see cref="QuantileLevels"/> of <paramref name="values"/>, which may be reordered
    /// in place. The order statistics are exact, so the result equals <see cref="OfSorted"/> on a
    /// sorted copy; large inputs go through <see cref="RadixSelect"/> (about 3 passes), small ones
    /// through repeated selection.
    /// </summary>
    public static void Levels(Span<double> values, Span<double> result)
    {
        int n = values.Length;
        if (n == 0)
        {
            result.Fill(double.NaN);
            return;
        }

        if (n >= RadixSelect.MinLength)
        {
            RadixSelect.Levels(values, result);
            return;
        }

        LevelsBySelection(values, result);
    }

    /// <summary>Number of order statistics the seven levels interpolate between (two per level).</summary>
    internal const int LevelRankCount = 2 * QuantileLevels.Count;

    /// <summary>
    /// The ranks (0-based, ascending) each level interpolates between, floor(h) and floor(h) + 1
    /// capped at n - 1, as pairs in level order: callers that select order statistics themselves
    /// pass them to <see cref="LevelsOfOrder"/> and get the bits of <see cref="OfSorted"/>.
    /// </summary>
    internal static void LevelRanks(int n, Span<int> ranks)
    {
        for (int l = 0; l < QuantileLevels.Count; l++)
        {
            int lo = (int)Math.Floor((n - 1) * QuantileLevels.Values[l]);
            ranks[2 * l] = lo;
            ranks[(2 * l) + 1] = Math.Min(lo + 1, n - 1);
        }
    }

    /// <summary>The seven levels from the order statistics at <see cref="LevelRanks"/> of n values, interpolated as <see cref="OfSorted"/> does.</summary>
    internal static void LevelsOfOrder(int n, ReadOnlySpan<double> order, Span<double> result)
    {
        for (int l = 0; l < QuantileLevels.Count; l++)
        {
            double h = (n - 1) * QuantileLevels.Values[l];
            int lo = (int)Math.Floor(h);
            // Nothing above rank n - 1 to interpolate to (n = 1): OfSorted returns the last value.
            result[l] = lo < n - 1 ? Lerp(order[2 * l], order[(2 * l) + 1], h - lo) : order[(2 * l) + 1];
        }
    }

    /// <summary>Levels by repeated Hoare selection, each confined left of the previous one.</summary>
    internal static void LevelsBySelection(Span<double> values, Span<double> result)
    {
        int n = values.Length;

        // Select the needed order statistics from the top level down, each selection
        // confined to the part left of the previous one.
        int right = n;
        for (int l = QuantileLevels.Count - 1; l >= 0; l--)
        {
            double h = (n - 1) * QuantileLevels.Values[l];
            int lo = (int)Math.Floor(h);
            int hi = Math.Min(lo + 1, n - 1);
            Select(values[..right], hi);
            double upper = values[hi];
            Select(values[..hi], lo < hi ? lo : hi);
            double lower = lo < hi ? values[lo] : upper;
            result[l] = lo < hi ? Lerp(lower, upper, h - lo) : upper;
            right = Math.Max(lo + 1, 1);
        }
    }

    internal static double Lerp(double a, double b, double t)
    {
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
    }

    /// <summary>Moves the k-th smallest into place k, smaller to its left, larger to its right (Hoare's selection).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Select(Span<double> a, int k)
    {
        if (a.IsEmpty || k >= a.Length) return;
        int left = 0, right = a.Length - 1;
        while (right > left)
        {
            if (right - left < 16)
            {
                a[left..(right + 1)].Sort();
                return;
            }

            int mid = left + ((right - left) >> 1);
            // Median of three as pivot.
            if (a[mid] < a[left]) (a[mid], a[left]) = (a[left], a[mid]);
            if (a[right] < a[left]) (a[right], a[left]) = (a[left], a[right]);
            if (a[right] < a[mid]) (a[right], a[mid]) = (a[mid], a[right]);
            double pivot = a[mid];
            int i = left, j = right;
            while (i <= j)
            {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j) right = j;
            else if (k >= i) left = i;
            else return;
        }
    }
}
