using SmartPulse.Analysis.Insights;

namespace SmartPulse.Display.Narratives;

/// <summary>
/// Renders a <see cref="Narrative"/> as markdown: a heading as <c>##</c>/<c>###</c>, a paragraph's spans with
/// <c>*emphasis*</c> and <c>**strong**</c>, a table as a GFM pipe table (numbers right-aligned); blocks separated by a
/// blank line. Every text is escaped (see <see cref="MarkdownText"/>), so data can never become markup.
/// </summary>
public static class NarrativeMarkdown
{
    /// <summary>The markdown of <paramref name="narrative"/>.</summary>
    /// <param name="narrative">The narrative.</param>
    public static string Render(Narrative narrative)
    {
        ArgumentNullException.ThrowIfNull(narrative);
        return string.Join("\n\n", narrative.Blocks.Select(Block));
    }

    private static string Block(NarrativeBlock block) => block switch
    {
        NarrativeHeading h => new string('#', h.Level) + " " + MarkdownText.Escape(h.Title),
        NarrativeParagraph p => string.Concat(p.Spans.Select(Span)),
        NarrativeTable t => Table(t),
        _ => throw new NotSupportedException($"No markdown rendering for the narrative block {block.GetType().Name}."),
    };

    private static string Span(NarrativeSpan span) => span.Emphasis switch
    {
        Emphasis.Strong => "**" + MarkdownText.Escape(span.Text) + "**",
        Emphasis.Emphasized => "*" + MarkdownText.Escape(span.Text) + "*",
        _ => MarkdownText.Escape(span.Text),
    };

    private static string Table(NarrativeTable t)
    {
        string Row(IEnumerable<string> cells) => "| " + string.Join(" | ", cells.Select(MarkdownText.Escape)) + " |";
        var align = "|" + string.Join("|", t.Headers.Select((_, j) => j < t.RightAligned.Count && t.RightAligned[j] ? "---:" : "---")) + "|";
        return string.Join("\n", new[] { Row(t.Headers), align }.Concat(t.Rows.Select(Row)));
    }
}
