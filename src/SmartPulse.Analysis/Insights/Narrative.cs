namespace SmartPulse.Analysis.Insights;

/// <summary>
/// A piece of generated prose: markdown for notebooks and reports, with a plain-text reading for terminals.
/// Every number in it comes from the computed results it was written from.
/// </summary>
/// <param name="Title">A short heading (plain text).</param>
/// <param name="Markdown">The text as markdown (includes the heading).</param>
public sealed record Narrative(string Title, string Markdown)
{
    /// <summary>The markdown with emphasis markers and heading hashes removed and the entities &amp;lt; &amp;gt; &amp;amp; decoded.</summary>
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
                    sb.Append(l).Append('\n');
                    continue;
                }

                sb.Append(line.Replace("**", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal)).Append('\n');
            }

            return sb.ToString().TrimEnd('\n')
                .Replace("&lt;", "<", StringComparison.Ordinal)
                .Replace("&gt;", ">", StringComparison.Ordinal)
                .Replace("&amp;", "&", StringComparison.Ordinal);
        }
    }

    /// <summary>The markdown text.</summary>
    public override string ToString() => Markdown;
}
