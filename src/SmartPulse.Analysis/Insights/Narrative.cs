namespace SmartPulse.Analysis.Insights;

/// <summary>
/// A piece of generated prose: markdown for notebooks and reports, with a plain-text reading for terminals.
/// Every number in it comes from the computed results it was written from.
/// </summary>
/// <param name="Title">A short heading (plain text).</param>
/// <param name="Markdown">The text as markdown (includes the heading).</param>
public sealed record Narrative(string Title, string Markdown)
{
    /// <summary>The markdown with emphasis markers and heading hashes removed, backslash escapes undone and the entities &amp;lt; &amp;gt; &amp;amp; decoded.</summary>
    public string PlainText
    {
        get
        {
            var lines = Markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var sb = new System.Text.StringBuilder();
            foreach (var line in lines)
            {
                var l = line.TrimStart('#', ' ');
                if (line.StartsWith('#'))
                {
                    sb.Append(Unescape(l, dropBackticks: false)).Append('\n');
                    continue;
                }

                sb.Append(Unescape(line.Replace("**", string.Empty, StringComparison.Ordinal), dropBackticks: true)).Append('\n');
            }

            return sb.ToString().TrimEnd('\n')
                .Replace("&lt;", "<", StringComparison.Ordinal)
                .Replace("&gt;", ">", StringComparison.Ordinal)
                .Replace("&amp;", "&", StringComparison.Ordinal);
        }
    }

    /// <summary>Undoes markdown backslash escapes (<c>\*</c> → <c>*</c>); unescaped backticks are code markers and are dropped when asked.</summary>
    private static string Unescape(string line, bool dropBackticks)
    {
        var sb = new System.Text.StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length && char.IsAsciiLetterOrDigit(line[i + 1]) is false && line[i + 1] > ' ' && line[i + 1] < 127)
            {
                sb.Append(line[++i]);
            }
            else if (!(dropBackticks && line[i] == '`'))
            {
                sb.Append(line[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>The markdown text.</summary>
    public override string ToString() => Markdown;
}
