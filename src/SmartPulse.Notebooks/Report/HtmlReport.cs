using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SmartPulse.Files;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Text;

namespace SmartPulse.Notebooks.Report;

/// <summary>
/// Writes a static, offline HTML report: <c>index.html</c> listing the notebooks, one page per
/// notebook with markdown rendered by <see cref="SafeMarkdown"/> (no script URLs, no remote images), code highlighted (<see cref="CSharpHighlighter"/>)
/// and outputs inline (text, HTML, markdown, SVG/PNG/JPEG images, errors, and plotly figures
/// drawn with plotly.js copied once into the folder), and <c>report.css</c>. No CDN, no
/// timestamps: the same notebooks give the same files.
/// </summary>
public static partial class HtmlReport
{
    /// <summary>The plotly figure mime type.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    private const string Css = """
        body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 0 auto; max-width: 1100px; padding: 1em 2em; color: #222; }
        a { color: #0b5cad; }
        table.index { border-collapse: collapse; }
        table.index td, table.index th { border-bottom: 1px solid #ddd; padding: .3em 1em; text-align: left; }
        .status-ok { color: #1a7f37; } .status-failed, .status-differs { color: #c62828; font-weight: bold; }
        .cell { margin: 1em 0; }
        .prompt { color: #888; font: 12px monospace; margin-bottom: .2em; }
        pre { margin: 0; white-space: pre-wrap; word-wrap: break-word; font: 13px/1.4 Menlo, Consolas, "DejaVu Sans Mono", monospace; }
        .code pre { background: #f6f8fa; border: 1px solid #e1e4e8; border-radius: 4px; padding: .6em .8em; }
        .output { padding: .4em .8em; border-left: 3px solid #e1e4e8; margin-top: .3em; overflow-x: auto; }
        .output.stderr { background: #fff8e1; }
        .output.error { background: #fdecea; color: #8b0000; }
        .k { color: #0000c0; } .s { color: #a31515; } .c { color: #008000; font-style: italic; } .n { color: #098658; } .d { color: #7a3e9d; }
        .output table { border-collapse: collapse; font-size: 13px; } .output td, .output th { border: 1px solid #ddd; padding: 2px 6px; }
        .plotly-figure { width: 100%; min-height: 420px; }
        """;

    /// <summary>Writes the report into <paramref name="directory"/> (created if missing).</summary>
    /// <param name="directory">Output folder.</param>
    /// <param name="entries">The notebooks, in index order.</param>
    /// <param name="options">Title and plotly.js source; null for defaults.</param>
    /// <returns>The path of <c>index.html</c>.</returns>
    public static string Write(string directory, IReadOnlyList<ReportEntry> entries, HtmlReportOptions? options = null)
    {
        options ??= new HtmlReportOptions();
        Directory.CreateDirectory(directory);
        NotebookFile.WriteAtomic(Path.Combine(directory, "report.css"), Css);
        var pages = new List<(ReportEntry Entry, string Page)>();
        var usedPages = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "index.html" };
        var needsPlotly = false;
        var needsMermaid = false;
        foreach (var entry in entries)
        {
            var page = PageName(entry.Name);
            for (var n = 2; !usedPages.Add(page); n++)
            {
                page = $"{Path.GetFileNameWithoutExtension(PageName(entry.Name))}-{n}.html";
            }

            var plotly = options.PlotlyJs is not null;
            var (html, hasFigures) = NotebookPage(entry, options.Title, plotly);
            needsPlotly |= hasFigures;
            needsMermaid |= HasMermaid(entry.Notebook);
            NotebookFile.WriteAtomic(Path.Combine(directory, page), html);
            pages.Add((entry, page));
        }

        if (needsPlotly && options.PlotlyJs is not null)
        {
            using var source = options.PlotlyJs();
            AtomicFile.Write(Path.Combine(directory, "plotly.min.js"), source.CopyTo);
        }

        if (needsMermaid)
        {
            AtomicFile.Write(Path.Combine(directory, MermaidJs.FileName), MermaidJs.CopyTo);
        }

        var index = new StringBuilder();
        Header(index, options.Title, plotly: false);
        index.Append("<h1>").Append(Encode(options.Title)).Append("</h1>\n<table class=\"index\">\n<tr><th>notebook</th><th>code cells</th><th>status</th></tr>\n");
        foreach (var (entry, page) in pages)
        {
            var codeCells = entry.Notebook.Cells.Count(c => c.CellType == CellType.Code);
            index.Append("<tr><td><a href=\"").Append(Encode(page)).Append("\">").Append(Encode(entry.Name)).Append("</a></td><td>")
                .Append(codeCells).Append("</td><td class=\"status-").Append(Encode(entry.Status)).Append("\">").Append(Encode(entry.Status)).Append("</td></tr>\n");
        }

        index.Append("</table>\n</body>\n</html>\n");
        var indexPath = Path.Combine(directory, "index.html");
        NotebookFile.WriteAtomic(indexPath, index.ToString());
        return indexPath;
    }

    /// <summary>Renders one output as HTML (used by the notebook pages; exposed for reuse and tests).</summary>
    /// <param name="output">The output.</param>
    /// <param name="figureId">Element id for a plotly figure.</param>
    /// <param name="plotly">Whether plotly.js is available to draw figures.</param>
    /// <returns>The HTML fragment.</returns>
    public static string RenderOutput(CellOutput output, string figureId, bool plotly)
    {
        switch (output.OutputType)
        {
            case CellOutput.StreamType:
                return $"<div class=\"output {Encode(output.Name ?? "stdout")}\"><pre>{Encode(output.Text ?? "")}</pre></div>";
            case CellOutput.ErrorType:
                var text = $"{output.ErrorName}: {output.ErrorValue}";
                var traceback = output.Traceback.Select(StripAnsi).Where(l => l != text && !text.StartsWith(l, StringComparison.Ordinal)).ToList();
                if (traceback.Count > 0)
                {
                    text += "\n" + string.Join("\n", traceback);
                }

                return $"<div class=\"output error\"><pre>{Encode(text)}</pre></div>";
        }

        var data = output.Data;
        if (plotly && data[PlotlyMimeType] is JsonObject figure)
        {
            var json = figure.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal);
            return $"<div class=\"output\"><div class=\"plotly-figure\" id=\"{figureId}\"></div><script>(function(){{var f={json};"
                + $"Plotly.newPlot('{figureId}', f.data || [], f.layout || {{}}, Object.assign({{responsive: true}}, f.config || {{}}));}})();</script></div>";
        }

        string? Text(string mime) => data[mime] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (Text("text/html") is { } html)
        {
            return $"<div class=\"output\">{html}</div>";
        }

        if (Text("image/svg+xml") is { } svg)
        {
            return $"<div class=\"output\">{svg}</div>";
        }

        foreach (var image in new[] { "image/png", "image/jpeg", "image/gif" })
        {
            if (Text(image) is { } base64)
            {
                return $"<div class=\"output\"><img src=\"data:{image};base64,{base64.Replace("\n", "", StringComparison.Ordinal)}\"></div>";
            }
        }

        if (Text("text/markdown") is { } markdown)
        {
            return $"<div class=\"output\">{SafeMarkdown.ToHtml(markdown, trusted: false)}</div>";
        }

        if (data["application/json"] is { } jsonValue)
        {
            return $"<div class=\"output\"><pre>{Encode(jsonValue.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }))}</pre></div>";
        }

        return $"<div class=\"output\"><pre>{Encode(Text("text/plain") ?? "")}</pre></div>";
    }

    private static (string Html, bool HasFigures) NotebookPage(ReportEntry entry, string title, bool plotly)
    {
        var hasFigures = plotly && entry.Notebook.Cells.Any(c => c.Outputs.Any(o => o.Data[PlotlyMimeType] is JsonObject));
        var body = new StringBuilder();
        Header(body, $"{entry.Name} — {title}", hasFigures, HasMermaid(entry.Notebook));
        body.Append("<p><a href=\"index.html\">← ").Append(Encode(title)).Append("</a></p>\n<h1>").Append(Encode(entry.Name))
            .Append(" <small class=\"status-").Append(Encode(entry.Status)).Append("\">").Append(Encode(entry.Status)).Append("</small></h1>\n");
        var figure = 0;
        foreach (var cell in entry.Notebook.Cells)
        {
            body.Append("<div class=\"cell\" id=\"cell-").Append(Encode(cell.Id ?? "")).Append("\">");
            switch (cell.CellType)
            {
                case CellType.Markdown:
                    body.Append("<div class=\"markdown\">").Append(SafeMarkdown.ToHtml(cell.Source, trusted: true)).Append("</div>");
                    break;
                case CellType.Raw:
                    body.Append("<pre>").Append(Encode(cell.Source)).Append("</pre>");
                    break;
                default:
                    body.Append("<div class=\"prompt\">In [").Append(cell.ExecutionCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? " ")
                        .Append("]:").Append(cell.KernelName == KernelNames.CSharp ? "" : $" #!{Encode(cell.KernelName)}").Append("</div>");
                    body.Append("<div class=\"code\"><pre>").Append(CSharpHighlighter.Highlight(cell.Source)).Append("</pre></div>");
                    foreach (var output in cell.Outputs)
                    {
                        figure++;
                        body.Append(RenderOutput(output, $"figure-{figure}", plotly));
                    }

                    break;
            }

            body.Append("</div>\n");
        }

        body.Append("</body>\n</html>\n");
        return (body.ToString(), hasFigures);
    }

    private static bool HasMermaid(Notebook notebook) =>
        notebook.Cells.Any(c => c.Outputs.Any(o => o.Data[Kernels.Mermaid.MimeType] is not null));

    private static void Header(StringBuilder html, string title, bool plotly, bool mermaid = false)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Encode(title))
            .Append("</title>\n<link rel=\"stylesheet\" href=\"report.css\">\n");
        if (plotly)
        {
            html.Append("<script src=\"plotly.min.js\"></script>\n");
        }

        if (mermaid)
        {
            // Diagrams are <pre class="mermaid"> blocks whose inline scripts draw them once window.mermaid exists.
            html.Append("<script src=\"").Append(MermaidJs.FileName).Append("\"></script>\n<script>mermaid.initialize({ startOnLoad: false });</script>\n");
        }

        html.Append("</head>\n<body>\n");
    }

    private static string PageName(string name)
    {
        var stem = Path.ChangeExtension(name, null).Replace('\\', '/');
        var safe = UnsafeChars().Replace(stem.Replace('/', '-'), "_");
        return safe + ".html";
    }

    private static string Encode(string text) => HtmlText.Encode(text);

    private static string StripAnsi(string text) => Ansi().Replace(text, "");

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex Ansi();

    [GeneratedRegex(@"[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeChars();
}
