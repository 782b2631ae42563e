using System.Globalization;
using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Clustering;

/// <summary>A fitted DBSCAN clustering (immutable): labels with −1 for noise, which rows are core rows, and the options.</summary>
public sealed class DbscanModel
{
    private readonly int[] _labels;
    private readonly bool[] _core;

    internal DbscanModel(DbscanOptions options, IReadOnlyList<string> featureNames, int[] labels, int clusterCount, bool[] core, IReadOnlyList<string> warnings)
    {
        Options = options;
        FeatureNames = featureNames;
        _labels = labels;
        _core = core;
        ClusterCount = clusterCount;
        Warnings = warnings;
        var sizes = new int[clusterCount];
        foreach (var l in labels)
        {
            if (l >= 0)
            {
                sizes[l]++;
            }
        }

        Sizes = sizes;
        NoiseCount = labels.Count(l => l == -1);
    }

    /// <summary>The options used.</summary>
    public DbscanOptions Options { get; }

    /// <summary>Feature names, in column order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Cluster id per row (0..ClusterCount−1), −1 for noise.</summary>
    public IReadOnlyList<int> Labels => _labels;

    /// <summary>True for core rows (at least MinPoints rows within Eps, itself included).</summary>
    public IReadOnlyList<bool> IsCore => _core;

    /// <summary>Number of clusters found (noise excluded).</summary>
    public int ClusterCount { get; }

    /// <summary>Rows per cluster.</summary>
    public IReadOnlyList<int> Sizes { get; }

    /// <summary>Rows labelled noise (−1).</summary>
    public int NoiseCount { get; }

    /// <summary>Recoverable oddities (no core rows, mostly noise).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>This clustering in the common shape shared with KMeans and Ward.</summary>
    /// <param name="data">The matrix it was fitted on.</param>
    public ClusteringResult ToResult(FeatureMatrix data)
    {
        var parameters = new Dictionary<string, string>
        {
            ["eps"] = Options.Eps.ToString("R", CultureInfo.InvariantCulture),
            ["min_points"] = Options.MinPoints.ToString(CultureInfo.InvariantCulture),
        };
        return ClusteringResult.FromLabels("dbscan", parameters, data, _labels, ClusterCount, Warnings);
    }
}
