namespace SmartPulse.Analysis.Segmentation;

/// <summary>What a saved segmentation model records about how it was made (no timestamps, so files are reproducible).</summary>
/// <param name="Format">Always <see cref="SegmentationModel.Format"/>.</param>
/// <param name="Version">The format version.</param>
/// <param name="PackageVersion">The SmartPulse.Analysis version that wrote it.</param>
/// <param name="Algorithm">kmeans, ward or dbscan.</param>
/// <param name="Parameters">The clustering settings, as text.</param>
/// <param name="InputFeatures">The input columns used as features.</param>
/// <param name="ModelFeatures">The feature columns after preparation (model space).</param>
/// <param name="TrainingRows">Rows the model was fitted on.</param>
/// <param name="TrainingMetrics">k, inertia, silhouette, Calinski–Harabasz, Davies–Bouldin on the training data.</param>
/// <param name="Sizes">Training rows per segment.</param>
public sealed record SegmentationMetadata(
    string Format,
    int Version,
    string PackageVersion,
    string Algorithm,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<string> InputFeatures,
    IReadOnlyList<string> ModelFeatures,
    int TrainingRows,
    IReadOnlyDictionary<string, double?> TrainingMetrics,
    IReadOnlyList<int> Sizes)
{
    /// <summary>
    /// The median of each input feature over the training rows (missing values left out), used by
    /// <see cref="SegmentationModel.ImputeMissing"/> to fill gaps in new data the way <c>segment</c>
    /// filled them at fit time. Null in models saved before it was recorded.
    /// </summary>
    public IReadOnlyDictionary<string, double>? TrainingMedians { get; init; }

    /// <summary>
    /// The segment names, by segment id (from <see cref="Insights.SegmentInsights.Name"/> on the training data), or null
    /// for models saved before names were recorded; scoring then calls segment <c>s</c> "Segment s".
    /// </summary>
    public IReadOnlyList<string>? SegmentNames { get; init; }

    /// <summary>The name of segment <paramref name="segment"/>: the recorded name, "Noise" for −1, else "Segment {id}".</summary>
    public string NameOf(int segment) => segment < 0
        ? "Noise"
        : SegmentNames is { } names && segment < names.Count ? names[segment] : "Segment " + segment.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Metadata for a fitted clustering and its training scores.</summary>
    public static SegmentationMetadata Create(
        Clustering.ClusteringResult result,
        Evaluation.ClusterScores scores,
        IReadOnlyDictionary<string, string> parameters,
        IReadOnlyList<string> inputFeatures,
        IReadOnlyList<string> modelFeatures)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(scores);
        var metrics = new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            ["k"] = result.ClusterCount,
            ["inertia"] = result.Inertia,
            ["silhouette"] = scores.Silhouette,
            ["calinski_harabasz"] = scores.CalinskiHarabasz,
            ["davies_bouldin"] = scores.DaviesBouldin,
        };
        return new SegmentationMetadata(
            SegmentationModel.Format,
            SegmentationModel.FormatVersion,
            typeof(SegmentationMetadata).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            result.Algorithm,
            parameters,
            inputFeatures,
            modelFeatures,
            result.Labels.Count,
            metrics,
            result.Sizes);
    }
}
