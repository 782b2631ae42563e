namespace SmartPulse.Analysis.Exploration;

/// <summary>How often one value occurs in a column.</summary>
/// <param name="Value">The value as invariant text (null for missing, when missing values are counted).</param>
/// <param name="Count">Occurrences.</param>
/// <param name="Share">Count divided by the number of values counted (0–1).</param>
public sealed record ValueCount(string? Value, long Count, double Share);
