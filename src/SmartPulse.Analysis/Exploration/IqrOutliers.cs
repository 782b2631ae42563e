namespace SmartPulse.Analysis.Exploration;

/// <summary>
/// Tukey's IQR rule for one column: a present value is an outlier when it lies below
/// Q1 − k·IQR or above Q3 + k·IQR (IQR = Q3 − Q1, quartiles by linear interpolation).
/// </summary>
/// <param name="Column">Column name.</param>
/// <param name="Q1">First quartile.</param>
/// <param name="Q3">Third quartile.</param>
/// <param name="K">The multiplier (1.5 is Tukey's fence).</param>
/// <param name="Lower">Lower fence Q1 − k·IQR.</param>
/// <param name="Upper">Upper fence Q3 + k·IQR.</param>
/// <param name="Rows">0-based row indices of the outliers, ascending.</param>
public sealed record IqrOutliers(string Column, double Q1, double Q3, double K, double Lower, double Upper, IReadOnlyList<long> Rows)
{
    /// <summary>The inter-quartile range Q3 − Q1.</summary>
    public double Iqr => Q3 - Q1;

    /// <summary>Number of outliers.</summary>
    public int Count => Rows.Count;
}
