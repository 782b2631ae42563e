namespace SmartPulse.Analysis.Insights;

/// <summary>Everything <see cref="SegmentInsights.Analyze"/> computes: profiles, names, narratives and a summary.</summary>
/// <param name="Profile">The segment profile table.</param>
/// <param name="Names">One name per segment, in segment order.</param>
/// <param name="Narratives">One narrative per segment, in segment order.</param>
/// <param name="Summary">The overall summary (segments, separation, where the value is).</param>
/// <param name="Silhouette">The mean silhouette passed in, if any.</param>
public sealed record SegmentInsightReport(
    SegmentProfileTable Profile,
    IReadOnlyList<SegmentName> Names,
    IReadOnlyList<Narrative> Narratives,
    Narrative Summary,
    double? Silhouette)
{
    /// <summary>Segment id → name, for charts and tables.</summary>
    public IReadOnlyDictionary<int, string> NameMap => Names.ToDictionary(n => n.Segment, n => n.Name);

    /// <summary>The summary followed by every segment narrative, as one narrative (the blocks in that order).</summary>
    public Narrative ToNarrative() => new(Summary.Title, [.. Summary.Blocks, .. Narratives.SelectMany(n => n.Blocks)]);
}
