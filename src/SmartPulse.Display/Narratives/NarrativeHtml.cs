using System.Text;
using SmartPulse.Analysis.Insights;
using SmartPulse.Display.Html;
using SmartPulse.Text;

namespace SmartPulse.Display.Narratives;

/// <summary>
/// Renders a <see cref="Narrative"/> as an HTML fragment: headings as <c>h1</c>–<c>h6</c>, paragraphs as <c>p</c> with
/// <c>em</c> and <c>strong</c>, tables through Display's table renderer. Every text is HTML-escaped
/// (<see cref="HtmlText.Encode"/>), so data can never become markup.
/// </summary>
public static class NarrativeHtml
{
    /// <summary>The HTML of <paramref name="narrative"/>.</summary>
    /// <param name="narrative">The narrative.</param>
    public static string Render(Narrative narrative)
    {
        ArgumentNullException.ThrowIfNull(narrative);
        var sb = new StringBuilder();
        foreach (var block in narrative.Blocks)
        {
            switch (block)
            {
                case NarrativeHeading h:
                    var tag = "h" + h.Level.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    sb.Append('<').Append(tag).Append('>').Append(HtmlText.Encode(h.Title)).Append("</").Append(tag).Append('>');
                    break;
                case NarrativeParagraph p:
                    sb.Append("<p>");
                    foreach (var span in p.Spans)
                    {
                        var element = span.Emphasis switch { Emphasis.Strong => "strong", Emphasis.Emphasized => "em", _ => null };
                        sb.Append(element is null ? string.Empty : $"<{element}>").Append(HtmlText.Encode(span.Text)).Append(element is null ? string.Empty : $"</{element}>");
                    }

                    sb.Append("</p>");
                    break;
                case NarrativeTable t:
                    var left = t.Headers.Select((_, j) => !(j < t.RightAligned.Count && t.RightAligned[j])).ToArray();
                    sb.Append(HtmlTable.Render(t.Headers, HtmlTable.Rows(t.Rows), new HtmlTableOptions { LeftAligned = left }));
                    break;
                default:
                    throw new NotSupportedException($"No HTML rendering for the narrative block {block.GetType().Name}.");
            }
        }

        return sb.ToString();
    }
}
