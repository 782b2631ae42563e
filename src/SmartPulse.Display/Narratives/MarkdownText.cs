namespace SmartPulse.Display.Narratives;

/// <summary>The markdown escaper: literal text made inert in markdown, so it always renders as that text.</summary>
internal static class MarkdownText
{
    /// <summary>
    /// &amp;, &lt; and &gt; become entities (no raw HTML, no autolinks); the markdown syntax characters
    /// <c>\ ` * _ [ ] { } | ~ $</c> get a backslash (no links, images, emphasis, code, tables, attributes or math:
    /// Jupyter typesets <c>$…$</c>); line breaks become spaces (no headings or lists). A column named
    /// <c>[click](javascript:…)</c> is shown as that text, never as a link.
    /// </summary>
    public static string Escape(string? text)
    {
        var sb = new System.Text.StringBuilder((text?.Length ?? 0) + 8);
        foreach (var c in text ?? string.Empty)
        {
            switch (c)
            {
                case '&':
                    sb.Append("&amp;");
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '{' or '}' or '|' or '~' or '$':
                    sb.Append('\\').Append(c);
                    break;
                case '\r' or '\n':
                    sb.Append(' ');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }
}
