namespace SmartPulse.Analysis.Insights;

/// <summary>
/// One feature within one segment, in the feature's original units.
/// </summary>
/// <param name="Feature">Column name.</param>
/// <param name="Count">Present (non-missing) values of the feature in the segment.</param>
/// <param name="Mean">Segment mean.</param>
/// <param name="Median">Segment median (linear interpolation, as pandas).</param>
/// <param name="OverallMean">Mean over all profiled rows.</param>
/// <param name="OverallStd">Standard deviation over all profiled rows (ddof = 1, as pandas).</param>
/// <param name="StdDifference">
/// (segment mean − overall mean) / overall standard deviation: how many overall SDs the segment sits above (+) or
/// below (−) the average customer. 0 when the overall SD is 0.
/// </param>
/// <param name="EffectSize">
/// Cohen's d of the segment against all other rows: (mean_in − mean_out) / s_pooled with
/// s_pooled = √(((n_in − 1)·s_in² + (n_out − 1)·s_out²) / (n_in + n_out − 2)). |d| ≈ 0.2 small, 0.5 medium, 0.8 large.
/// 0 when both groups are constant and equal; see <see cref="SegmentProfileTable.Warnings"/> for degenerate cases.
/// </param>
public sealed record FeatureProfile(
    string Feature,
    long Count,
    double Mean,
    double Median,
    double OverallMean,
    double OverallStd,
    double StdDifference,
    double EffectSize);
