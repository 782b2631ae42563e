namespace SmartPulse.Analysis.Insights;

/// <summary>A heading: level 2 for a document's title, level 3 for a section.</summary>
/// <param name="Level">1 to 6, as HTML's h1–h6.</param>
/// <param name="Title">The heading text (plain).</param>
public sealed record NarrativeHeading(int Level, string Title) : NarrativeBlock
{
    /// <summary>1 to 6.</summary>
    public int Level { get; } = Level is >= 1 and <= 6
        ? Level
        : throw new ArgumentOutOfRangeException(nameof(Level), Level, "A heading level is 1 to 6 (as HTML's h1–h6).");

    /// <inheritdoc />
    public override string Text => Title;
}
