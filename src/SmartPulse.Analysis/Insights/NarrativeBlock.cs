namespace SmartPulse.Analysis.Insights;

/// <summary>
/// One block of a <see cref="Narrative"/>, in reading order: a <see cref="NarrativeHeading"/>, a
/// <see cref="NarrativeParagraph"/> or a <see cref="NarrativeTable"/>.
/// </summary>
public abstract record NarrativeBlock
{
    /// <summary>The block's words without any markup (a table gives its cells row by row, tab-separated).</summary>
    public abstract string Text { get; }
}
