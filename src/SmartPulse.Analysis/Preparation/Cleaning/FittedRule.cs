namespace SmartPulse.Analysis.Preparation;

/// <summary>A cleaning rule with its thresholds fixed: a row is touched when any condition holds.</summary>
/// <param name="Description">The rule in words, with learned fences.</param>
/// <param name="Conditions">Conditions on one column, OR-ed.</param>
public sealed record FittedRule(string Description, IReadOnlyList<Exploration.Condition> Conditions);
