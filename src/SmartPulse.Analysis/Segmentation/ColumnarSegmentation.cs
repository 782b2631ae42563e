using SmartPulse.Analysis.Clustering;
using SmartPulse.Analysis.Evaluation;

namespace SmartPulse.Analysis.Segmentation;

/// <summary>The outcome of <see cref="ColumnarSegmenter.Fit"/>.</summary>
/// <param name="Model">The saveable model (same zip format <c>smartpulse score</c> reads).</param>
/// <param name="Result">Labels, sizes, centroids (model space) and inertia.</param>
/// <param name="Scores">Metrics: Calinski–Harabasz and Davies–Bouldin exact; silhouette exact up to 30,000 rows, sampled above.</param>
/// <param name="OriginalCentroids">Centroids in the features' original units.</param>
/// <param name="Sweep">The k sweep, when k was automatic.</param>
/// <param name="ImputedCells">Missing feature values filled with the column median.</param>
/// <param name="Iterations">Lloyd iterations of the winning restart.</param>
public sealed record ColumnarSegmentation(
    SegmentationModel Model,
    ClusteringResult Result,
    ClusterScores Scores,
    IReadOnlyList<IReadOnlyList<double>> OriginalCentroids,
    KSweepResult? Sweep,
    long ImputedCells,
    int Iterations);
