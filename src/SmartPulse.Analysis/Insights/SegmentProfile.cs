namespace SmartPulse.Analysis.Insights;

/// <summary>The profile of one segment: its size, share and every feature's statistics in original units.</summary>
/// <param name="Segment">Cluster id (the label value).</param>
/// <param name="Size">Rows in the segment.</param>
/// <param name="Share">Size / profiled rows (noise excluded), in [0, 1].</param>
/// <param name="Features">One entry per profiled feature, in feature order.</param>
/// <param name="TopFeatures">
/// The features that distinguish the segment most: sorted by |<see cref="FeatureProfile.EffectSize"/>| descending
/// (ties keep feature order), at most <see cref="ProfileOptions.TopFeatures"/>.
/// </param>
public sealed record SegmentProfile(
    int Segment,
    long Size,
    double Share,
    IReadOnlyList<FeatureProfile> Features,
    IReadOnlyList<FeatureProfile> TopFeatures)
{
    /// <summary>The profile of <paramref name="feature"/>.</summary>
    /// <param name="feature">A profiled column name.</param>
    /// <exception cref="KeyNotFoundException">The feature was not profiled; the message lists those that were.</exception>
    public FeatureProfile this[string feature] =>
        Features.FirstOrDefault(f => f.Feature == feature)
        ?? throw new KeyNotFoundException($"Feature '{feature}' is not in the profile. Profiled: {string.Join(", ", Features.Select(f => f.Feature))}.");
}
