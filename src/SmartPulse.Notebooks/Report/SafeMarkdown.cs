using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SmartPulse.Notebooks.Report;

/// <summary>
/// The report's markdown rendering (Markdig, advanced extensions), made safe for an offline page:
/// <list type="bullet">
/// <item>links and images whose URL uses <c>javascript:</c>, <c>vbscript:</c> or <c>data:</c> are
/// dropped — a link keeps its text, an image becomes <c>[image: ALT]</c>;</item>
/// <item>remote images (<c>http:</c>, <c>https:</c>, <c>ftp:</c>, <c>//host</c>) are not loaded: they
/// become the text <c>[image: ALT] (URL)</c>, so the page makes no network request;</item>
/// <item>attributes named <c>on…</c> (generic-attribute syntax <c>{onclick=…}</c>) are removed;</item>
/// <item>for outputs (untrusted: markdown built by code, often from data) raw
/// HTML is shown as text instead of being interpreted.</item>
/// </list>
/// Markdown cells written by the notebook's author keep their inline HTML (trusted), but their links
/// and images get the same URL rules.
/// </summary>
public static class SafeMarkdown
{
    private static readonly string[] _blockedSchemes = ["javascript:", "vbscript:", "data:"];
    private static readonly string[] _remotePrefixes = ["http:", "https:", "ftp:", "//"];
    private static readonly MarkdownPipeline _trusted = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
    private static readonly MarkdownPipeline _untrusted = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    /// <summary>Renders <paramref name="markdown"/> to HTML with the rules above.</summary>
    /// <param name="markdown">The markdown text.</param>
    /// <param name="trusted">True for an author's markdown cell (inline HTML kept); false for outputs (HTML shown as text).</param>
    /// <returns>The HTML fragment.</returns>
    public static string ToHtml(string markdown, bool trusted)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var pipeline = trusted ? _trusted : _untrusted;
        var document = Markdown.Parse(markdown, pipeline);
        Sanitise(document);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>Whether a URL's scheme is one the report never links to (<c>javascript:</c>, <c>vbscript:</c>, <c>data:</c>), ignoring case, whitespace and control characters as browsers do.</summary>
    /// <param name="url">The URL as written.</param>
    /// <returns><see langword="true"/> for a blocked URL.</returns>
    public static bool IsBlocked(string? url) => Normalise(url) is var u && _blockedSchemes.Any(s => u.StartsWith(s, StringComparison.Ordinal));

    /// <summary>Whether loading <paramref name="url"/> would reach the network.</summary>
    /// <param name="url">The URL as written.</param>
    /// <returns><see langword="true"/> for http, https, ftp and protocol-relative URLs.</returns>
    public static bool IsRemote(string? url) => Normalise(url) is var u && _remotePrefixes.Any(s => u.StartsWith(s, StringComparison.Ordinal));

    private static string Normalise(string? url) =>
        string.Concat((url ?? "").Where(c => c > ' ' && c != '\u007f')).Replace('\\', '/').ToLowerInvariant();

    private static void Sanitise(MarkdownDocument document)
    {
        foreach (var node in document.Descendants().ToList())
        {
            if (node.TryGetAttributes() is { Properties: { } properties })
            {
                properties.RemoveAll(p => p.Key.StartsWith("on", StringComparison.OrdinalIgnoreCase) || IsBlocked(p.Value));
            }

            switch (node)
            {
                case LinkInline link when IsBlocked(link.GetDynamicUrl?.Invoke() ?? link.Url):
                    link.ReplaceBy(new LiteralInline(link.IsImage ? $"[image: {Text(link)}]" : Text(link)), copyChildren: false);
                    break;
                case LinkInline { IsImage: true } image when IsRemote(image.GetDynamicUrl?.Invoke() ?? image.Url):
                    image.ReplaceBy(new LiteralInline($"[image: {Text(image)}] ({image.GetDynamicUrl?.Invoke() ?? image.Url})"), copyChildren: false);
                    break;
                case AutolinkInline autolink when IsBlocked(autolink.Url):
                    autolink.ReplaceBy(new LiteralInline(autolink.Url), copyChildren: false);
                    break;
            }
        }
    }

    private static string Text(ContainerInline container) =>
        string.Concat(container.Descendants<LiteralInline>().Select(l => l.Content.ToString()).Concat(container.Descendants<CodeInline>().Select(c => c.Content)));
}
