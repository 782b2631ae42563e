using System.Globalization;
using SmartPulse.Analysis.Evaluation;
using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Clustering;

/// <summary>
/// A fitted k-means model (immutable): the winning restart's centroids, labels, inertia and iterations, with the
/// options and per-restart inertias that produced it. Centroids are in model space (the features as passed to
/// <see cref="KMeans.Fit"/>); mapping them back to original units is the preparation pipeline's inverse transform.
/// </summary>
public sealed class KMeansModel
{
    private readonly double[] _centers;
    private readonly int[] _labels;

    internal KMeansModel(
        KMeansOptions options,
        IReadOnlyList<string> featureNames,
        LloydResult winner,
        int k,
        int columns,
        IReadOnlyList<double> restartInertias,
        int bestRestart,
        IReadOnlyList<string> warnings)
    {
        Options = options;
        FeatureNames = featureNames;
        K = k;
        _centers = winner.Centers;
        _labels = winner.Labels;
        Inertia = winner.Inertia;
        Iterations = winner.Iterations;
        Converged = winner.Converged;
        RestartInertias = restartInertias;
        BestRestart = bestRestart;
        Warnings = warnings;
        var sizes = new int[k];
        foreach (var l in _labels)
        {
            sizes[l]++;
        }

        Sizes = sizes;
        var centroids = new IReadOnlyList<double>[k];
        for (var c = 0; c < k; c++)
        {
            centroids[c] = Array.AsReadOnly(_centers.AsSpan(c * columns, columns).ToArray());
        }

        Centroids = centroids;
    }

    /// <summary>The options used (including <see cref="KMeansOptions.Seed"/>).</summary>
    public KMeansOptions Options { get; }

    /// <summary>The seed used (same as <c>Options.Seed</c>).</summary>
    public int Seed => Options.Seed;

    /// <summary>Number of clusters.</summary>
    public int K { get; }

    /// <summary>Feature names, in column order; <see cref="Predict(FeatureMatrix)"/> requires the same.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>
    /// Centroid of each cluster in model space (cluster × feature), as scikit-learn's <c>cluster_centers_</c>: the centres
    /// of the last Lloyd update. When <see cref="Converged"/> (no label changed) each is exactly the mean of its rows; when
    /// the run stopped on the tolerance (squared centre shift ≤ tol × mean feature variance) or on MaxIterations, each is
    /// within that shift of the mean of its rows, and the labels are re-assigned to these centres. <see cref="Inertia"/>,
    /// <see cref="Predict(FeatureMatrix)"/>, <see cref="Score"/> and <see cref="ToResult"/> all use these centres.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>> Centroids { get; }

    /// <summary>Cluster id (0..K−1) of each training row.</summary>
    public IReadOnlyList<int> Labels => _labels;

    /// <summary>Training rows per cluster.</summary>
    public IReadOnlyList<int> Sizes { get; }

    /// <summary>
    /// Inertia Σᵢ ‖xᵢ − μ_{c(i)}‖² of the training rows around <see cref="Centroids"/> (scikit-learn's <c>inertia_</c>;
    /// lower is tighter; compare only at equal K and data). <c>Score(x).Inertia</c> and <c>ToResult(x).Inertia</c> on
    /// the training matrix give this same number.
    /// </summary>
    public double Inertia { get; }

    /// <summary>Lloyd iterations of the winning restart (scikit-learn's <c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <summary>True when the winning restart ended because no label changed (a Lloyd fixed point).</summary>
    public bool Converged { get; }

    /// <summary>Final inertia of every restart, in restart order.</summary>
    public IReadOnlyList<double> RestartInertias { get; }

    /// <summary>Index of the winning restart (lowest inertia; ties go to the earliest).</summary>
    public int BestRestart { get; }

    /// <summary>Recoverable oddities (fewer distinct rows than K, empty clusters relocated, not converged).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Nearest centroid (Euclidean; ties → lowest id) of each row of <paramref name="data"/>.</summary>
    /// <param name="data">Rows with the same features, in the same order, as at fit time.</param>
    /// <exception cref="ArgumentException">The feature names differ.</exception>
    public int[] Predict(FeatureMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckFeatures(data);
        if (data.Rows == 0)
        {
            return [];
        }

        var core = new LloydCore(data);
        var labels = new int[data.Rows];
        core.Assign(_centers, K, labels, new double[data.Rows]);
        return labels;
    }

    /// <summary>
    /// Euclidean distance of every row to every centroid (scikit-learn's <c>KMeans.transform</c>): a matrix with one
    /// column per cluster, named <c>distance_0</c> … <c>distance_{K−1}</c>. The smallest entry of a row is its cluster.
    /// </summary>
    /// <param name="data">Rows with the same features, in the same order, as at fit time.</param>
    public FeatureMatrix Transform(FeatureMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckFeatures(data);
        var d = FeatureNames.Count;
        var values = new double[data.Rows * K];
        for (var i = 0; i < data.Rows; i++)
        {
            var row = data.Row(i);
            for (var c = 0; c < K; c++)
            {
                values[(i * K) + c] = Math.Sqrt(DistanceKernel.Squared(row, _centers.AsSpan(c * d, d)));
            }
        }

        return new FeatureMatrix(values, data.Rows, Enumerable.Range(0, K).Select(c => $"distance_{c.ToString(CultureInfo.InvariantCulture)}").ToArray());
    }

    /// <summary>Nearest centroid of one row (values in <see cref="FeatureNames"/> order).</summary>
    /// <param name="row">One value per feature.</param>
    public int Predict(ReadOnlySpan<double> row)
    {
        var d = FeatureNames.Count;
        if (row.Length != d)
        {
            throw new ArgumentException($"The row has {row.Length} values; the model expects {d} ({string.Join(", ", FeatureNames)}).", nameof(row));
        }

        return DistanceKernel.NearestRow(row, _centers, K, out _);
    }

    /// <summary>
    /// Every metric (inertia around <see cref="Centroids"/>, silhouette, Calinski–Harabasz, Davies–Bouldin) of this model's
    /// clustering of <paramref name="data"/>: each row goes to its nearest centroid (<see cref="Predict(FeatureMatrix)"/>,
    /// which on the training matrix gives <see cref="Labels"/>). On the training matrix the inertia equals <see cref="Inertia"/>.
    /// </summary>
    /// <param name="data">Rows with the same features, in the same order, as at fit time.</param>
    /// <param name="exactSilhouetteLimit">Largest row count for the exact silhouette (sampled above).</param>
    /// <param name="seed">Seed of the silhouette sample above that limit.</param>
    /// <exception cref="ArgumentException">The feature names differ (the message lists both).</exception>
    public ClusterScores Score(FeatureMatrix data, int exactSilhouetteLimit = ClusterScores.DefaultExactSilhouetteLimit, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckFeatures(data);
        return ClusterScores.ComputeAround(data, Predict(data), Centroids, exactSilhouetteLimit, seed);
    }

    /// <summary>This model in the common shape shared with Ward and DBSCAN, with its own <see cref="Centroids"/> and <see cref="Inertia"/>.</summary>
    /// <param name="data">The training matrix (for the centroids and inertia of the common shape).</param>
    public ClusteringResult ToResult(FeatureMatrix data)
    {
        var parameters = new Dictionary<string, string>
        {
            ["k"] = K.ToString(CultureInfo.InvariantCulture),
            ["restarts"] = Options.Restarts.ToString(CultureInfo.InvariantCulture),
            ["seed"] = Seed.ToString(CultureInfo.InvariantCulture),
        };
        CheckFeatures(data);
        return ClusteringResult.FromLabels("kmeans", parameters, data, _labels, K, Warnings) with { Centroids = Centroids, Inertia = Inertia };
    }

    private void CheckFeatures(FeatureMatrix data)
    {
        if (!data.ColumnNames.SequenceEqual(FeatureNames))
        {
            throw new ArgumentException(
                $"The model was fitted on [{string.Join(", ", FeatureNames)}] but the data has [{string.Join(", ", data.ColumnNames)}]; pass the same features in the same order.",
                nameof(data));
        }
    }
}
