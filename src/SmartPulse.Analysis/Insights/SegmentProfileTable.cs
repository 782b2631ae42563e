using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Data;

namespace SmartPulse.Analysis.Insights;

/// <summary>
/// Per-segment profiles of a clustering in original units (see <see cref="SegmentInsights.Profile"/>): size, share,
/// mean and median of each feature, its distance from the overall mean in standard deviations and the features that
/// distinguish each segment most.
/// </summary>
/// <param name="Features">The profiled columns, in order.</param>
/// <param name="Rows">Rows profiled (noise rows, label −1, excluded).</param>
/// <param name="NoiseCount">Rows labelled −1 and left out.</param>
/// <param name="Overall">Overall statistics per feature (Mean, Median, OverallStd; StdDifference and EffectSize are 0).</param>
/// <param name="Segments">One profile per segment id, ascending.</param>
/// <param name="Dataset">The dataset the frame came from, for display names and units; may be null.</param>
/// <param name="Warnings">Degenerate cases met (constant features, features with missing values), in words.</param>
public sealed record SegmentProfileTable(
    IReadOnlyList<string> Features,
    long Rows,
    long NoiseCount,
    IReadOnlyList<FeatureProfile> Overall,
    IReadOnlyList<SegmentProfile> Segments,
    DatasetDescriptor? Dataset,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The profile of segment <paramref name="segment"/>.</summary>
    /// <param name="segment">A segment id.</param>
    /// <exception cref="KeyNotFoundException">No such segment; the message lists the ids.</exception>
    public SegmentProfile this[int segment] =>
        Segments.FirstOrDefault(s => s.Segment == segment)
        ?? throw new KeyNotFoundException($"Segment {segment} is not in the profile. Segments: {string.Join(", ", Segments.Select(s => s.Segment))}.");

    /// <summary>The readable name of a feature: the dataset's display name, else the column name.</summary>
    /// <param name="feature">A column name.</param>
    public string Label(string feature) => Spec(feature)?.Label ?? feature;

    /// <summary>The unit of a feature from the dataset schema, or null.</summary>
    /// <param name="feature">A column name.</param>
    public string? Unit(string feature) => Spec(feature)?.Unit;

    /// <summary>
    /// The table as a frame, one row per segment: <c>segment</c>, <c>size</c>, <c>share</c>, then for each feature
    /// <c>{feature} mean</c>, <c>{feature} median</c> and <c>{feature} Δsd</c>.
    /// </summary>
    public DataFrame ToDataFrame()
    {
        var columns = new List<DataFrameColumn>
        {
            new Int32DataFrameColumn("segment", Segments.Select(s => s.Segment)),
            new Int64DataFrameColumn("size", Segments.Select(s => s.Size)),
            new DoubleDataFrameColumn("share", Segments.Select(s => s.Share)),
        };
        for (var j = 0; j < Features.Count; j++)
        {
            var jj = j;
            columns.Add(new DoubleDataFrameColumn($"{Features[j]} mean", Segments.Select(s => s.Features[jj].Mean)));
            columns.Add(new DoubleDataFrameColumn($"{Features[j]} median", Segments.Select(s => s.Features[jj].Median)));
            columns.Add(new DoubleDataFrameColumn($"{Features[j]} Δsd", Segments.Select(s => s.Features[jj].StdDifference)));
        }

        return new DataFrame(columns);
    }

    private ColumnSpec? Spec(string feature) => Dataset?.Columns.FirstOrDefault(c => c.Name == feature);
}
