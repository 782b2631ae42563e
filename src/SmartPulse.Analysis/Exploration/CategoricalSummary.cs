namespace SmartPulse.Analysis.Exploration;

/// <summary>
/// pandas-style <c>describe()</c> of one text or date column: present count, number of distinct
/// values, the most frequent value (ties go to the value seen first) and its frequency.
/// </summary>
/// <param name="Column">Column name.</param>
/// <param name="Count">Number of present values.</param>
/// <param name="Unique">Number of distinct present values.</param>
/// <param name="Top">Most frequent value (null if the column is all missing).</param>
/// <param name="Freq">Frequency of <paramref name="Top"/>.</param>
public sealed record CategoricalSummary(string Column, long Count, long Unique, string? Top, long Freq);
