namespace SmartPulse.Analysis.Insights;

/// <summary>A small table inside a narrative (for example the two groups of a rule check).</summary>
/// <param name="Headers">Column headers (plain text).</param>
/// <param name="Rows">Rows of plain-text cells, one per header.</param>
/// <param name="RightAligned">Per column, whether it holds numbers (right-aligned).</param>
public sealed record NarrativeTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<bool> RightAligned) : NarrativeBlock
{
    /// <inheritdoc />
    public override string Text => string.Join("\n", new[] { Headers }.Concat(Rows).Select(r => string.Join("\t", r)));
}
