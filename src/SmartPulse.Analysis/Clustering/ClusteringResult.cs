using SmartPulse.Analysis.Evaluation;
using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Clustering;

/// <summary>
/// The shape every clustering algorithm (KMeans, Ward, DBSCAN) reports, so notebooks, the CLI and the display
/// layer can compare them side by side. Cluster ids are 0..<see cref="ClusterCount"/>−1; −1 marks DBSCAN noise.
/// </summary>
/// <param name="Algorithm">"kmeans", "ward" or "dbscan".</param>
/// <param name="Parameters">The settings that produced it, as invariant text (e.g. k=5, restarts=10, seed=0).</param>
/// <param name="FeatureNames">Model features, in column order.</param>
/// <param name="Labels">Cluster id per row (−1 = noise).</param>
/// <param name="ClusterCount">Number of clusters, noise excluded.</param>
/// <param name="Sizes">Rows per cluster id.</param>
/// <param name="NoiseCount">Rows labelled −1.</param>
/// <param name="Centroids">
/// Each cluster's centre in model space (cluster × feature): the mean of its rows for Ward and DBSCAN; for KMeans the
/// model's own centroids (<see cref="KMeansModel.Centroids"/>).
/// </param>
/// <param name="Inertia">Within-cluster sum of squares around those centroids (noise excluded); for KMeans equal to <see cref="KMeansModel.Inertia"/>.</param>
/// <param name="Warnings">Recoverable oddities met while fitting, in words.</param>
public sealed record ClusteringResult(
    string Algorithm,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<string> FeatureNames,
    IReadOnlyList<int> Labels,
    int ClusterCount,
    IReadOnlyList<int> Sizes,
    int NoiseCount,
    IReadOnlyList<IReadOnlyList<double>> Centroids,
    double Inertia,
    IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// All metrics of this clustering on <paramref name="data"/> (the matrix it was fitted on; same feature names and row
    /// count); the inertia is taken around <see cref="Centroids"/>, so it equals <see cref="Inertia"/>.
    /// </summary>
    /// <param name="data">The features the clustering was fitted on.</param>
    /// <param name="exactSilhouetteLimit">Largest row count for the exact silhouette.</param>
    /// <param name="seed">Seed of the silhouette sample above that limit.</param>
    public ClusterScores Score(FeatureMatrix data, int exactSilhouetteLimit = ClusterScores.DefaultExactSilhouetteLimit, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.ColumnNames.SequenceEqual(FeatureNames))
        {
            throw new ArgumentException(
                $"The {Algorithm} clustering was fitted on [{string.Join(", ", FeatureNames)}] but the data has [{string.Join(", ", data.ColumnNames)}]; score it on the matrix it was fitted on.",
                nameof(data));
        }

        return ClusterScores.ComputeAround(data, Labels, Centroids, exactSilhouetteLimit, seed);
    }

    /// <summary>Builds the common shape from labels 0..k−1 (−1 = noise): sizes, means and inertia are computed here.</summary>
    /// <param name="algorithm">Algorithm name.</param>
    /// <param name="parameters">Settings used.</param>
    /// <param name="data">The fitted features.</param>
    /// <param name="labels">Cluster id per row, −1 for noise.</param>
    /// <param name="clusterCount">Number of cluster ids (ids must lie in 0..clusterCount−1).</param>
    /// <param name="warnings">Warnings to carry.</param>
    public static ClusteringResult FromLabels(
        string algorithm,
        IReadOnlyDictionary<string, string> parameters,
        FeatureMatrix data,
        IReadOnlyList<int> labels,
        int clusterCount,
        IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != data.Rows)
        {
            throw new ArgumentException($"labels has {labels.Count} entries but the data has {data.Rows} rows.", nameof(labels));
        }

        var d = data.Columns;
        var sums = new double[clusterCount * d];
        var sizes = new int[clusterCount];
        var noise = 0;
        for (var i = 0; i < data.Rows; i++)
        {
            var c = labels[i];
            if (c == -1)
            {
                noise++;
                continue;
            }

            if (c < 0 || c >= clusterCount)
            {
                throw new ArgumentException($"Label {c} at row {i} is outside 0..{clusterCount - 1} (or −1 for noise).", nameof(labels));
            }

            sizes[c]++;
            var row = data.Row(i);
            for (var j = 0; j < d; j++)
            {
                sums[(c * d) + j] += row[j];
            }
        }

        var centroids = new IReadOnlyList<double>[clusterCount];
        var means = new double[clusterCount][];
        for (var c = 0; c < clusterCount; c++)
        {
            var mean = means[c] = new double[d];
            for (var j = 0; j < d; j++)
            {
                mean[j] = sizes[c] == 0 ? double.NaN : sums[(c * d) + j] / sizes[c];
            }

            centroids[c] = Array.AsReadOnly(mean);
        }

        var inertia = 0.0;
        for (var i = 0; i < data.Rows; i++)
        {
            var c = labels[i];
            if (c < 0 || sizes[c] == 0)
            {
                continue;
            }

            inertia += DistanceKernel.Squared(data.Row(i), means[c]);
        }

        var allWarnings = warnings.ToList();
        for (var c = 0; c < clusterCount; c++)
        {
            if (sizes[c] == 0)
            {
                allWarnings.Add($"Cluster {c} has no rows; its centroid is NaN.");
            }
        }

        return new ClusteringResult(
            algorithm,
            parameters,
            data.ColumnNames.ToArray(),
            labels.ToArray(),
            clusterCount,
            sizes,
            noise,
            centroids,
            inertia,
            allWarnings);
    }
}
