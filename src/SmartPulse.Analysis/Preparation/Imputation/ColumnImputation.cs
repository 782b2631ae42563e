namespace SmartPulse.Analysis.Preparation;

/// <summary>One column's imputation rule.</summary>
/// <param name="Column">The column to fill.</param>
/// <param name="Strategy">How the fill value is chosen.</param>
/// <param name="Constant">For <see cref="ImputeStrategy.Constant"/>: the value (text, or a number in invariant culture for numeric columns).</param>
public sealed record ColumnImputation(string Column, ImputeStrategy Strategy, string? Constant = null);
