using System.Globalization;
using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Clustering;

/// <summary>
/// DBSCAN (Ester et al. 1996), density-based clustering: a core row has at least MinPoints rows (itself included)
/// within eps; clusters are the connected groups of core rows plus the border rows they reach; everything else is
/// noise (label −1). Finds clusters of any shape and their number by itself; needs features on a common scale.
/// Exact brute-force neighbourhoods (SIMD, both cores), time O(n²·d), memory O(n) plus neighbour lists up to 128 MB; labels identical to scikit-learn's
/// <c>DBSCAN(eps, min_samples)</c> (same cluster numbering: clusters are numbered in order of their first core row).
/// </summary>
public sealed class Dbscan
{
    /// <summary>Neighbour-list entries kept from the counting pass (32 M ints = 128 MB); beyond it rows are recomputed.</summary>
    private const long NeighbourBudget = 32_000_000;

    /// <summary>Creates the estimator; options are validated here.</summary>
    /// <param name="options">Options; null means defaults.</param>
    public Dbscan(DbscanOptions? options = null)
    {
        Options = options ?? new DbscanOptions();
        Options.Validate();
    }

    /// <summary>The validated options.</summary>
    public DbscanOptions Options { get; }

    /// <summary>Clusters <paramref name="data"/>.</summary>
    /// <param name="data">Model features (scaled).</param>
    public DbscanModel Fit(FeatureMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var n = data.Rows;
        if (n > Options.MaxRows)
        {
            throw new ArgumentException($"The data has {n} rows; DbscanOptions.MaxRows is {Options.MaxRows} (time grows as n²). Raise MaxRows or sample the rows.", nameof(data));
        }

        var space = new NeighbourSpace(data);
        var eps2 = Options.Eps * Options.Eps;
        // Pass 1 (both cores): neighbour lists of every row, kept while they fit in NeighbourBudget entries; rows
        // beyond the budget keep only their count and are recomputed during expansion.
        var counts = new int[n];
        var neighbours = new int[n][];
        long stored = 0;
        Parallel.For(0, n, () => (new double[n], new List<int>()), (i, _, buffers) =>
        {
            var (buffer, list) = buffers;
            space.SquaredDistances(i, buffer);
            list.Clear();
            for (var v = 0; v < n; v++)
            {
                if (buffer[v] <= eps2)
                {
                    list.Add(v);
                }
            }

            counts[i] = list.Count;
            if (Interlocked.Add(ref stored, list.Count) <= NeighbourBudget)
            {
                neighbours[i] = list.ToArray();
            }

            return buffers;
        }, _ => { });

        var core = counts.Select(c => c >= Options.MinPoints).ToArray();
        var labels = new int[n];
        Array.Fill(labels, -1);
        var stack = new Stack<int>();
        var dist = new double[n];
        var cluster = 0;
        for (var start = 0; start < n; start++)
        {
            if (labels[start] != -1 || !core[start])
            {
                continue;
            }

            // scikit-learn's dbscan_inner: depth-first expansion from each unlabelled core row.
            var i = start;
            while (true)
            {
                if (labels[i] == -1)
                {
                    labels[i] = cluster;
                    if (core[i])
                    {
                        if (neighbours[i] is { } list)
                        {
                            foreach (var v in list)
                            {
                                if (labels[v] == -1)
                                {
                                    stack.Push(v);
                                }
                            }
                        }
                        else
                        {
                            space.SquaredDistances(i, dist);
                            for (var v = 0; v < n; v++)
                            {
                                if (dist[v] <= eps2 && labels[v] == -1)
                                {
                                    stack.Push(v);
                                }
                            }
                        }
                    }
                }

                if (stack.Count == 0)
                {
                    break;
                }

                i = stack.Pop();
            }

            cluster++;
        }

        var warnings = new List<string>();
        var noise = labels.Count(l => l == -1);
        if (cluster == 0)
        {
            warnings.Add($"No core rows: with Eps {Options.Eps.ToString(CultureInfo.InvariantCulture)} no row has {Options.MinPoints} rows within reach, so every row is noise. Raise Eps (see Dbscan.KDistances) or lower MinPoints.");
        }
        else if (noise > n / 2)
        {
            warnings.Add($"{noise} of {n} rows are noise; Eps may be too small for these features.");
        }

        return new DbscanModel(Options, data.ColumnNames.ToArray(), labels, cluster, core, warnings);
    }

    /// <summary>
    /// The sorted k-distance curve of <paramref name="data"/> with its Kneedle knee as a suggested eps
    /// (see <see cref="KDistanceCurve"/>). Use k = the MinPoints you plan to use.
    /// </summary>
    /// <param name="data">Model features (scaled).</param>
    /// <param name="k">Neighbour rank, 1 ≤ k ≤ rows (the row itself is rank 1).</param>
    public static KDistanceCurve KDistances(FeatureMatrix data, int k)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (k < 1 || k > data.Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k is {k}; valid: 1 to {data.Rows} (the row count).");
        }

        var n = data.Rows;
        var space = new NeighbourSpace(data);
        var result = new double[n];
        Parallel.For(0, n, () => (new double[n], new double[k]), (i, _, buffers) =>
        {
            var (dist, best) = buffers;
            space.SquaredDistances(i, dist);
            Array.Fill(best, double.PositiveInfinity);
            foreach (var v in dist)
            {
                if (v < best[k - 1])
                {
                    // Insert into the sorted k smallest.
                    var p = k - 1;
                    while (p > 0 && best[p - 1] > v)
                    {
                        best[p] = best[p - 1];
                        p--;
                    }

                    best[p] = v;
                }
            }

            result[i] = Math.Sqrt(best[k - 1]);
            return buffers;
        }, _ => { });

        Array.Sort(result);
        var ranks = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        var knee = Kneedle.FindKnee(ranks, result);
        return new KDistanceCurve(k, result, knee, knee is int idx ? result[idx] : null);
    }

    /// <summary>Column-major copy of the data for SIMD squared distances from one row to all rows.</summary>
    private sealed class NeighbourSpace
    {
        private readonly double[] _columns;
        private readonly int _n;
        private readonly int _d;

        public NeighbourSpace(FeatureMatrix data)
        {
            _n = data.Rows;
            _d = data.Columns;
            _columns = DistanceKernel.ToColumnMajor(data);
        }

        public void SquaredDistances(int row, double[] target)
        {
            var n = _n;
            var d = _d;
            Span<double> x = d <= 256 ? stackalloc double[d] : new double[d];
            for (var j = 0; j < d; j++)
            {
                x[j] = _columns[((long)j * n) + row];
            }

            DistanceKernel.SquaredToColumns(x, _columns, n, 0, target.AsSpan(0, n));
        }
    }
}
