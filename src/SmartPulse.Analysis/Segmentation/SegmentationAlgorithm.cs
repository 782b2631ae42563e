namespace SmartPulse.Analysis.Segmentation;

/// <summary>The clustering algorithm of a segmentation.</summary>
public enum SegmentationAlgorithm
{
    /// <summary>KMeans with seeded restarts (the default).</summary>
    KMeans,

    /// <summary>Exact Ward agglomerative clustering cut at k.</summary>
    Ward,

    /// <summary>DBSCAN (eps, minPts); k is not used; noise is segment −1.</summary>
    Dbscan,
}
