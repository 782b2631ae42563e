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

    /// <summary>
    /// A dense autoencoder (the seed's 6-3-6 layout, seeded) trained on the prepared features, then KMeans on its
    /// 3-d codes; the saved model encodes new rows before assigning the nearest code-space centroid.
    /// </summary>
    AutoencoderKMeans,
}
