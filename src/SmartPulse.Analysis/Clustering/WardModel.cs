using System.Globalization;
using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Clustering;

/// <summary>
/// A fitted Ward tree (immutable): every merge, for a dendrogram, and the cut at <see cref="WardOptions.K"/>.
/// Any other cut is one call away (<see cref="Cut"/>), so a notebook can sweep k without refitting.
/// </summary>
public sealed class WardModel
{
    private readonly int[] _labels;

    internal WardModel(WardOptions options, IReadOnlyList<string> featureNames, int rows, IReadOnlyList<WardMerge> merges)
    {
        Options = options;
        FeatureNames = featureNames;
        Rows = rows;
        Merges = merges;
        _labels = CutLabels(options.K);
        var sizes = new int[options.K];
        foreach (var l in _labels)
        {
            sizes[l]++;
        }

        Sizes = sizes;
    }

    /// <summary>The options used.</summary>
    public WardOptions Options { get; }

    /// <summary>Feature names, in column order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Rows clustered.</summary>
    public int Rows { get; }

    /// <summary>
    /// The n − 1 merges in order of height (SciPy linkage layout: row i merges <c>Left</c> and <c>Right</c> into node n + i).
    /// A big jump between consecutive heights suggests a natural number of clusters.
    /// </summary>
    public IReadOnlyList<WardMerge> Merges { get; }

    /// <summary>Number of clusters in <see cref="Labels"/>.</summary>
    public int K => Options.K;

    /// <summary>Cluster id (0..K−1, numbered by first row) of each row for the cut at K.</summary>
    public IReadOnlyList<int> Labels => _labels;

    /// <summary>Rows per cluster of the cut at K.</summary>
    public IReadOnlyList<int> Sizes { get; }

    /// <summary>
    /// Labels for the tree cut into <paramref name="k"/> clusters (undo the last k − 1 merges); ids are numbered by the
    /// first row of each cluster.
    /// </summary>
    /// <param name="k">1 ≤ k ≤ rows.</param>
    public int[] Cut(int k)
    {
        if (k < 1 || k > Math.Max(1, Rows))
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k is {k}; valid: 1 to {Rows} (the row count).");
        }

        return CutLabels(k);
    }

    /// <summary>The cut at K in the common shape shared with KMeans and DBSCAN.</summary>
    /// <param name="data">The matrix the tree was built on.</param>
    public ClusteringResult ToResult(FeatureMatrix data)
    {
        var parameters = new Dictionary<string, string>
        {
            ["k"] = K.ToString(CultureInfo.InvariantCulture),
            ["linkage"] = "ward",
        };
        return ClusteringResult.FromLabels("ward", parameters, data, _labels, K, []);
    }

    private int[] CutLabels(int k)
    {
        var n = Rows;
        var parent = new int[Math.Max(1, (2 * n) - 1)];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }

        for (var t = 0; t < n - k; t++)
        {
            var merge = Merges[t];
            parent[merge.Left] = n + t;
            parent[merge.Right] = n + t;
        }

        var labels = new int[n];
        var ids = new Dictionary<int, int>();
        for (var i = 0; i < n; i++)
        {
            var root = i;
            while (parent[root] != root)
            {
                root = parent[root];
            }

            if (!ids.TryGetValue(root, out var id))
            {
                id = ids.Count;
                ids[root] = id;
            }

            labels[i] = id;
        }

        return labels;
    }
}
