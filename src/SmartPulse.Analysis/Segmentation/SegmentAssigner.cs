using System.Text.Json.Serialization;
using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Segmentation;

/// <summary>
/// How a saved segmentation labels new rows in model space. KMeans and Ward: the nearest centroid
/// (for KMeans this is exactly its own rule; for Ward it is the usual way to extend a cut to new
/// points). DBSCAN: the cluster of the nearest core point within eps, else noise (−1).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "rule")]
[JsonDerivedType(typeof(NearestCentroid), "nearest-centroid")]
[JsonDerivedType(typeof(NearestCorePoint), "nearest-core-point")]
public abstract record SegmentAssigner
{
    /// <summary>The segment of each row.</summary>
    public abstract int[] Assign(FeatureMatrix data);
}
