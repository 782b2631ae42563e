namespace SmartPulse.Analysis.Exploration;

/// <summary>Count, mean and median of one numeric column within one group (present values only).</summary>
/// <param name="Count">Present values.</param>
/// <param name="Mean">Mean (NaN if none present).</param>
/// <param name="Median">Median, linear interpolation (NaN if none present).</param>
public sealed record GroupStats(long Count, double Mean, double Median)
{
    internal static GroupStats Of(ReadOnlySpan<double> values) =>
        new(values.Length, Stats.Mean(values), values.IsEmpty ? double.NaN : Stats.Median(values));
}
