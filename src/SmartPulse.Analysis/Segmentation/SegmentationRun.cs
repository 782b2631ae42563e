using SmartPulse.Analysis.Clustering;
using SmartPulse.Analysis.Evaluation;
using SmartPulse.Analysis.Features;
using SmartPulse.Analysis.Preparation;

namespace SmartPulse.Analysis.Segmentation;

/// <summary>The outcome of <see cref="Segmenter.Fit(Microsoft.Data.Analysis.DataFrame, SegmentationOptions)"/>: prepared data, the clustering, its scores and the saveable model.</summary>
/// <param name="Prepared">The prepared training data (with the step report).</param>
/// <param name="Features">The model-space feature matrix that was clustered.</param>
/// <param name="Result">Labels, sizes, centroids (model space), inertia.</param>
/// <param name="Scores">Silhouette, Calinski–Harabasz, Davies–Bouldin, inertia on <paramref name="Features"/>.</param>
/// <param name="OriginalCentroids">Centroids mapped back to original units through the scaler (segment × input feature).</param>
/// <param name="Sweep">The k sweep, when k was chosen automatically.</param>
/// <param name="Model">The saveable model.</param>
public sealed record SegmentationRun(
    PreparedData Prepared,
    FeatureMatrix Features,
    ClusteringResult Result,
    ClusterScores Scores,
    IReadOnlyList<IReadOnlyList<double>> OriginalCentroids,
    KSweepResult? Sweep,
    SegmentationModel Model);
