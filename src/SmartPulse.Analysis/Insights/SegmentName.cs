namespace SmartPulse.Analysis.Insights;

/// <summary>
/// The data-driven name of one segment, with the rule that produced it and the numbers that triggered it.
/// </summary>
/// <param name="Segment">Cluster id.</param>
/// <param name="Name">
/// The name: the persona's label when a persona rule holds, else the income/spending level name
/// ("High income · Low spending"), else "Segment {id}". Segments sharing a name get a qualifier from the measure on which
/// they differ most ("Budget Buyers · recent" / "Budget Buyers · lapsed"); a name still shared gets " (2)", " (3)", … by segment id.
/// </param>
/// <param name="Persona">The persona whose rule held first, or null.</param>
/// <param name="LevelName">The income/spending level name, or null when neither column is known.</param>
/// <param name="IncomeLevel">Income level, or null without an income column.</param>
/// <param name="SpendingLevel">Spending level, or null without a spending column.</param>
/// <param name="Rule">The rule that named the segment, in words.</param>
/// <param name="Evidence">Every comparison made (met or not), in evaluation order; near misses are flagged.</param>
public sealed record SegmentName(
    int Segment,
    string Name,
    Persona? Persona,
    string? LevelName,
    Level? IncomeLevel,
    Level? SpendingLevel,
    string Rule,
    IReadOnlyList<NamingEvidence> Evidence);
