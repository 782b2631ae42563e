namespace SmartPulse.Analysis.Insights;

/// <summary>
/// A piece of generated prose as data: headings, paragraphs of text spans with emphasis, and small tables. It holds
/// no markup; SmartPulse.Display renders it as markdown, HTML or plain text. Every number in it comes from the
/// computed results it was written from.
/// </summary>
/// <param name="Title">A short heading (plain text).</param>
/// <param name="Blocks">The blocks in reading order (the first is usually a heading holding the title).</param>
public sealed record Narrative(string Title, IReadOnlyList<NarrativeBlock> Blocks)
{
    /// <summary>The paragraphs, in order.</summary>
    public IEnumerable<NarrativeParagraph> Paragraphs => Blocks.OfType<NarrativeParagraph>();

    /// <summary>The words of every block without markup, blocks separated by a blank line.</summary>
    public string Text => string.Join("\n\n", Blocks.Select(b => b.Text));

    /// <summary>Narratives are equal when their titles and blocks are.</summary>
    public bool Equals(Narrative? other) => other is not null && Title == other.Title && Blocks.SequenceEqual(other.Blocks);

    /// <inheritdoc />
    public override int GetHashCode() => Blocks.Aggregate(Title.GetHashCode(StringComparison.Ordinal), (h, b) => HashCode.Combine(h, b));

    /// <summary>The text (<see cref="Text"/>).</summary>
    public override string ToString() => Text;
}
