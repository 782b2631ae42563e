namespace SmartPulse.Analysis.Exploration;

/// <summary>The target column's statistics in the rows that meet (or do not meet) a rule.</summary>
/// <param name="Size">Rows in the group with a present target value.</param>
/// <param name="Mean">Mean of the target (NaN if the group is empty).</param>
/// <param name="Median">Median of the target (NaN if the group is empty).</param>
public sealed record RuleGroup(long Size, double Mean, double Median);
