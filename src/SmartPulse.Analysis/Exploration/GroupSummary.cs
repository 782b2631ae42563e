namespace SmartPulse.Analysis.Exploration;

/// <summary>One group of a group-by summary.</summary>
/// <param name="Group">The group key as invariant text.</param>
/// <param name="Size">Rows in the group.</param>
/// <param name="Values">Per value column: count, mean, median within the group.</param>
public sealed record GroupSummary(string Group, long Size, IReadOnlyDictionary<string, GroupStats> Values);
