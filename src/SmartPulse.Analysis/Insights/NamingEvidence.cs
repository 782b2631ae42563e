namespace SmartPulse.Analysis.Insights;

/// <summary>
/// One comparison behind a segment name: a measure's segment mean against the overall mean, in overall standard
/// deviations, tested against a threshold.
/// </summary>
/// <param name="Measure">The measure (for example "income" or "deal share").</param>
/// <param name="Column">The column(s) it was computed from.</param>
/// <param name="SegmentMean">Mean of the measure in the segment.</param>
/// <param name="OverallMean">Mean over all profiled customers.</param>
/// <param name="StdDifference">(segment mean − overall mean) / overall SD.</param>
/// <param name="Condition">The condition tested, for example "z ≥ +0.5".</param>
/// <param name="Met">Whether the condition holds.</param>
/// <param name="NearMiss">True when the condition fails by less than <see cref="NamingOptions.NearMissMargin"/> SD.</param>
public sealed record NamingEvidence(
    string Measure,
    string Column,
    double SegmentMean,
    double OverallMean,
    double StdDifference,
    string Condition,
    bool Met,
    bool NearMiss);
