namespace SmartPulse.Analysis.Data;

/// <summary>The first value of a column that is not a number, and where it is.</summary>
/// <param name="Value">The value as written (trimmed).</param>
/// <param name="Line">Its 1-based physical line in the file.</param>
public sealed record NonNumericValue(string Value, int Line);
