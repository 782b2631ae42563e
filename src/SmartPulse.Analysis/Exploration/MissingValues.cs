namespace SmartPulse.Analysis.Exploration;

/// <summary>Missing cells of one column.</summary>
/// <param name="Column">Column name.</param>
/// <param name="Missing">Number of null cells.</param>
/// <param name="Percent">Missing as a percentage of all rows (0–100).</param>
public sealed record MissingValues(string Column, long Missing, double Percent);
