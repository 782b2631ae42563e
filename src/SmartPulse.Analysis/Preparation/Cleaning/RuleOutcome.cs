namespace SmartPulse.Analysis.Preparation;

/// <summary>How many rows one cleaning rule touched, and which.</summary>
/// <param name="Rule">The rule in words.</param>
/// <param name="RowsTouched">Rows meeting the rule.</param>
/// <param name="Ids">Their ids (the id column's values), or "row N" (0-based) without an id column.</param>
public sealed record RuleOutcome(string Rule, long RowsTouched, IReadOnlyList<string> Ids);
