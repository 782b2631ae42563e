namespace SmartPulse.Analysis.Preparation;

/// <summary>The fill value learned for one column: a number for numeric columns, text otherwise.</summary>
/// <param name="Column">The column.</param>
/// <param name="Strategy">How it was learned.</param>
/// <param name="Number">The numeric fill value (numeric columns).</param>
/// <param name="Text">The text fill value (text columns).</param>
public sealed record LearnedFill(string Column, ImputeStrategy Strategy, double? Number, string? Text);
