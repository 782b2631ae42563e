using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Clustering;

/// <summary>
/// Exact Ward agglomerative clustering: starting from single rows, repeatedly merge the two clusters whose merge raises
/// the inertia least. Uses the nearest-neighbour chain algorithm (exact for Ward, a reducible linkage) with Ward
/// distances computed from cluster sizes and means, d²(A, B) = 2|A||B| / (|A| + |B|) · ‖μ_A − μ_B‖², which is the
/// Lance–Williams update for Ward written in closed form; no n × n matrix is stored (memory O(n·d), time O(n²·d), SIMD).
/// Same tree as SciPy's <c>linkage(X, "ward")</c> and the same clusters as scikit-learn's
/// <c>AgglomerativeClustering(linkage="ward")</c>.
/// </summary>
public sealed class Ward
{
    /// <summary>Creates the estimator; options are validated here.</summary>
    /// <param name="options">Options; null means defaults.</param>
    public Ward(WardOptions? options = null)
    {
        Options = options ?? new WardOptions();
        Options.Validate();
    }

    /// <summary>The validated options.</summary>
    public WardOptions Options { get; }

    /// <summary>Builds the full merge tree of <paramref name="data"/> and cuts it at <see cref="WardOptions.K"/>.</summary>
    /// <param name="data">Model features (scaled as wanted).</param>
    /// <exception cref="ArgumentException">K exceeds the rows, or rows exceed <see cref="WardOptions.MaxRows"/>.</exception>
    public WardModel Fit(FeatureMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var n = data.Rows;
        if (Options.K > n)
        {
            throw new ArgumentException($"WardOptions.K is {Options.K} but the data has only {n} rows; valid: 1 to {n}.", nameof(data));
        }

        if (n > Options.MaxRows)
        {
            throw new ArgumentException($"The data has {n} rows; WardOptions.MaxRows is {Options.MaxRows} (time grows as n²). Raise MaxRows, sample the rows, or use KMeans.", nameof(data));
        }

        var merges = n < 2 ? [] : BuildTree(data);
        return new WardModel(Options, data.ColumnNames.ToArray(), n, merges);
    }

    private static WardMerge[] BuildTree(FeatureMatrix data)
    {
        var n = data.Rows;
        var d = data.Columns;

        // Active clusters are kept compacted in positions 0..m−1 (column-major means, sizes, and the slot = the
        // representative row id used for the merge record).
        var means = DistanceKernel.ToColumnMajor(data);
        var sizes = new double[n];
        var slotOf = new int[n];
        var positionOf = new int[n];
        for (var i = 0; i < n; i++)
        {
            sizes[i] = 1;
            slotOf[i] = i;
            positionOf[i] = i;
        }

        var m = n;
        var raw = new (int A, int B, double Height)[n - 1];
        var rawCount = 0;
        var chain = new List<int>(); // slots
        var dist = new double[n];
        var centre = new double[d];
        while (m > 1)
        {
            if (chain.Count == 0)
            {
                chain.Add(slotOf[0]);
            }

            var top = chain[^1];
            var previous = chain.Count >= 2 ? chain[^2] : -1;
            var topPos = positionOf[top];
            for (var j = 0; j < d; j++)
            {
                centre[j] = means[((long)j * n) + topPos];
            }

            var (bestPos, best) = Nearest(means, n, d, m, centre, sizes, topPos, dist);

            // Ties prefer the previous chain element, which guarantees the chain terminates.
            if (previous >= 0 && dist[positionOf[previous]] <= best)
            {
                bestPos = positionOf[previous];
                best = dist[bestPos];
            }

            var nearest = slotOf[bestPos];
            if (nearest != previous)
            {
                chain.Add(nearest);
                continue;
            }

            // Reciprocal nearest neighbours: merge top into previous.
            chain.RemoveRange(chain.Count - 2, 2);
            raw[rawCount++] = (previous, top, Math.Sqrt(Math.Max(0, best)));
            var keep = positionOf[previous];
            var gone = positionOf[top];
            var na = sizes[keep];
            var nb = sizes[gone];
            for (var j = 0; j < d; j++)
            {
                var baseIndex = (long)j * n;
                means[baseIndex + keep] = ((na * means[baseIndex + keep]) + (nb * means[baseIndex + gone])) / (na + nb);
            }

            sizes[keep] = na + nb;

            // Remove position `gone` by moving the last active cluster into it.
            var last = m - 1;
            if (gone != last)
            {
                for (var j = 0; j < d; j++)
                {
                    var baseIndex = (long)j * n;
                    means[baseIndex + gone] = means[baseIndex + last];
                }

                sizes[gone] = sizes[last];
                slotOf[gone] = slotOf[last];
                positionOf[slotOf[gone]] = gone;
            }

            m--;
        }

        // Sort by height (stable) and relabel with union–find, as SciPy does after its NN-chain.
        var order = Enumerable.Range(0, rawCount).OrderBy(i => raw[i].Height).ToArray();
        var parent = new int[(2 * n) - 1];
        var nodeOfRoot = new int[(2 * n) - 1];
        var size = new int[(2 * n) - 1];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
            nodeOfRoot[i] = i;
            size[i] = i < n ? 1 : 0;
        }

        var merges = new WardMerge[rawCount];
        for (var t = 0; t < rawCount; t++)
        {
            var (a, b, h) = raw[order[t]];
            var ra = Find(parent, a);
            var rb = Find(parent, b);
            var na = nodeOfRoot[ra];
            var nb = nodeOfRoot[rb];
            var newNode = n + t;
            var total = size[na] + size[nb];
            merges[t] = new WardMerge(Math.Min(na, nb), Math.Max(na, nb), h, total);
            parent[rb] = ra;
            nodeOfRoot[ra] = newNode;
            size[newNode] = total;
        }

        return merges;
    }

    private static int Find(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }

        return x;
    }

    /// <summary>
    /// The active position nearest (Ward distance) to position <paramref name="self"/>, ties to the lowest position, and
    /// that distance; large scans are split across cores in fixed halves (same answer as one scan).
    /// </summary>
    private static (int Position, double Distance) Nearest(double[] means, int n, int d, int m, double[] centre, double[] sizes, int self, double[] dist)
    {
        const int ParallelFrom = 4096;
        var s = sizes[self];
        if (m < ParallelFrom || Environment.ProcessorCount < 2)
        {
            WardDistances(means, n, d, 0, m, centre, sizes, s, dist);
            dist[self] = double.PositiveInfinity;
            return ArgMin(dist, 0, m);
        }

        var half = m / 2;
        (int, double) first = default, second = default;
        Parallel.Invoke(
            () =>
            {
                WardDistances(means, n, d, 0, half, centre, sizes, s, dist);
                if (self < half)
                {
                    dist[self] = double.PositiveInfinity;
                }

                first = ArgMin(dist, 0, half);
            },
            () =>
            {
                WardDistances(means, n, d, half, m, centre, sizes, s, dist);
                if (self >= half)
                {
                    dist[self] = double.PositiveInfinity;
                }

                second = ArgMin(dist, half, m);
            });
        return second.Item2 < first.Item2 ? second : first;
    }

    private static (int Position, double Distance) ArgMin(double[] dist, int from, int to)
    {
        var bestPos = from;
        var best = double.PositiveInfinity;
        for (var p = from; p < to; p++)
        {
            if (dist[p] < best)
            {
                best = dist[p];
                bestPos = p;
            }
        }

        return (bestPos, best);
    }

    /// <summary>dist[p] = 2·s·sizes[p]/(s + sizes[p]) · ‖centre − mean_p‖² for active positions p0 ≤ p &lt; p1.</summary>
    private static void WardDistances(double[] means, int n, int d, int p0, int p1, double[] centre, double[] sizes, double s, double[] dist) =>
        DistanceKernel.WardCosts(centre.AsSpan(0, d), means, n, p0, s, sizes, dist.AsSpan(p0, p1 - p0));
}
