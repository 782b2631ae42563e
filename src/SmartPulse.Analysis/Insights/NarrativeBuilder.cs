namespace SmartPulse.Analysis.Insights;

/// <summary>
/// Collects a <see cref="Narrative"/>: headings, paragraphs (text appended to the open paragraph; adjacent runs with
/// the same emphasis merge into one span) and tables.
/// </summary>
internal sealed class NarrativeBuilder
{
    private readonly List<NarrativeBlock> _blocks = [];
    private readonly List<NarrativeSpan> _spans = [];

    public NarrativeBuilder Heading(int level, string title)
    {
        EndParagraph();
        _blocks.Add(new NarrativeHeading(level, title));
        return this;
    }

    public NarrativeBuilder Text(string text) => Add(text, Emphasis.None);

    public NarrativeBuilder Strong(string text) => Add(text, Emphasis.Strong);

    public NarrativeBuilder Emphasized(string text) => Add(text, Emphasis.Emphasized);

    /// <summary>Closes the open paragraph; the next text starts a new one.</summary>
    public NarrativeBuilder EndParagraph()
    {
        if (_spans.Count > 0)
        {
            _blocks.Add(new NarrativeParagraph(_spans.ToArray()));
            _spans.Clear();
        }

        return this;
    }

    public NarrativeBuilder Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<bool> rightAligned)
    {
        EndParagraph();
        _blocks.Add(new NarrativeTable(headers, rows, rightAligned));
        return this;
    }

    public Narrative Build(string title)
    {
        EndParagraph();
        return new Narrative(title, _blocks.ToArray());
    }

    private NarrativeBuilder Add(string text, Emphasis emphasis)
    {
        if (text.Length == 0)
        {
            return this;
        }

        if (_spans.Count > 0 && _spans[^1].Emphasis == emphasis)
        {
            _spans[^1] = _spans[^1] with { Text = _spans[^1].Text + text };
        }
        else
        {
            _spans.Add(new NarrativeSpan(text, emphasis));
        }

        return this;
    }
}
