namespace SmartPulse.Analysis.Exploration;

/// <summary>
/// pandas-style <c>describe()</c> of one numeric column, over its present (non-null) values:
/// std uses ddof = 1; quartiles use linear interpolation.
/// </summary>
/// <param name="Column">Column name.</param>
/// <param name="Count">Number of present values.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="Std">Sample standard deviation (ddof = 1).</param>
/// <param name="Min">Minimum.</param>
/// <param name="Q25">25th percentile.</param>
/// <param name="Median">50th percentile.</param>
/// <param name="Q75">75th percentile.</param>
/// <param name="Max">Maximum.</param>
public sealed record NumericSummary(string Column, long Count, double Mean, double Std, double Min, double Q25, double Median, double Q75, double Max);
