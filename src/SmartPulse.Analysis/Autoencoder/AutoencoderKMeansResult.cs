using SmartPulse.Analysis.Clustering;
using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Autoencoder;

/// <summary>
/// k-means fitted on autoencoder codes, scored in two spaces so AE + k-means can be compared fairly with plain
/// k-means: <em>code space</em> metrics measure the clusters where they were found (the learned 3-d codes);
/// <em>input space</em> metrics apply the same labels to the standardised input rows, the space where plain k-means
/// on the same features is scored. Compare <see cref="SilhouetteInputSpace"/> and <see cref="InertiaInputSpace"/> with
/// plain k-means's silhouette and inertia at the same K; code-space numbers are not comparable with them (different
/// space, different scale).
/// </summary>
public sealed record AutoencoderKMeansResult
{
    /// <summary>The k-means model fitted on <see cref="Codes"/> (centroids in code space, restarts, warnings).</summary>
    public required KMeansModel KMeans { get; init; }

    /// <summary>The autoencoder codes that were clustered (rows × code size, columns code_1…).</summary>
    public required FeatureMatrix Codes { get; init; }

    /// <summary>Number of clusters.</summary>
    public int K => KMeans.K;

    /// <summary>Cluster id (0..K−1) of each row.</summary>
    public IReadOnlyList<int> Labels => KMeans.Labels;

    /// <summary>Code space: k-means inertia Σ‖code − centroid‖² (lower is tighter; only comparable at the same K on the same codes).</summary>
    public required double InertiaCodeSpace { get; init; }

    /// <summary>
    /// Code space: mean silhouette of the labels on the codes, in [−1, 1], higher is better. Null when it is undefined
    /// (fewer than 2 distinct labels, or as many labels as rows); a warning says so.
    /// </summary>
    public required double? SilhouetteCodeSpace { get; init; }

    /// <summary>
    /// Input space: Σ‖x − mean of its cluster‖² over the standardised input rows x, with the AE + k-means labels;
    /// comparable with plain k-means's inertia on the same standardised features and K.
    /// </summary>
    public required double InertiaInputSpace { get; init; }

    /// <summary>
    /// Input space: mean silhouette of the AE + k-means labels on the standardised input rows, in [−1, 1], higher is
    /// better; comparable with plain k-means's silhouette on the same features. Null when undefined (see
    /// <see cref="SilhouetteCodeSpace"/>).
    /// </summary>
    public required double? SilhouetteInputSpace { get; init; }

    /// <summary>k-means warnings plus undefined metrics.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
