namespace SmartPulse.Analysis.Insights;

/// <summary>A paragraph: spans of text read one after another (their texts concatenate with no separator).</summary>
/// <param name="Spans">The runs of text, each with its emphasis.</param>
public sealed record NarrativeParagraph(IReadOnlyList<NarrativeSpan> Spans) : NarrativeBlock
{
    /// <inheritdoc />
    public override string Text => string.Concat(Spans.Select(s => s.Text));

    /// <summary>Paragraphs are equal when their spans are.</summary>
    public bool Equals(NarrativeParagraph? other) => other is not null && Spans.SequenceEqual(other.Spans);

    /// <inheritdoc />
    public override int GetHashCode() => Spans.Aggregate(0, (h, s) => HashCode.Combine(h, s));
}
