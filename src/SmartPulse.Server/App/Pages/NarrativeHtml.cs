using System.Text;
using System.Text.RegularExpressions;
using SmartPulse.Analysis.Insights;
using SmartPulse.Text;

namespace SmartPulse.Server.App.Pages;

/// <summary>
/// Renders a narrative's small markdown subset (headings, paragraphs, "- " lists, **strong**, *emphasis*, `code`) as
/// HTML. The text is escaped first, so data text (column names, values) can never become markup.
/// </summary>
internal static partial class NarrativeHtml
{
    /// <summary>The HTML of <paramref name="narrative"/>.</summary>
    public static string Render(Narrative narrative)
    {
        var sb = new StringBuilder();
        var blocks = narrative.Markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var block in blocks)
        {
            var lines = block.Split('\n');
            if (block.StartsWith('#'))
            {
                sb.Append("<h3>").Append(Inline(block.TrimStart('#', ' '))).Append("</h3>");
            }
            else if (lines.All(l => l.StartsWith("- ", StringComparison.Ordinal)))
            {
                sb.Append("<ul>");
                foreach (var line in lines)
                {
                    sb.Append("<li>").Append(Inline(line[2..])).Append("</li>");
                }

                sb.Append("</ul>");
            }
            else
            {
                sb.Append("<p>").Append(string.Join("<br>", lines.Select(Inline))).Append("</p>");
            }
        }

        return sb.ToString();
    }

    private static string Inline(string markdown)
    {
        // The narrative's markdown escapes < > & as entities; decode them, then escape everything once for HTML.
        var text = HtmlText.Encode(markdown.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal));
        text = Strong().Replace(text, "<strong>$1</strong>");
        text = Emphasis().Replace(text, "<em>$1</em>");
        return Code().Replace(text, "<code>$1</code>");
    }

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Strong();

    [GeneratedRegex(@"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")]
    private static partial Regex Emphasis();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
