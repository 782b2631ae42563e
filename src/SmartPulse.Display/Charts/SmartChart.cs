using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Plotly.NET;
using SmartPulse.Text;

namespace SmartPulse.Display.Charts;

/// <summary>
/// A plotly figure with deterministic output: the figure JSON (<c>application/vnd.plotly.v1+json</c>) and HTML whose
/// div id derives from the figure's content (never a random Guid), with plotly.js embedded, referenced, provided by the
/// notebook's loader or left to the page (<see cref="PlotlyJsMode"/>). SmartPulse's own charts are built as figure JSON
/// (no FSharp.Core needed at run time); a Plotly.NET <see cref="GenericChart"/> can be wrapped too.
/// </summary>
public sealed class SmartChart
{
    private static readonly JsonSerializerOptions _json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Lazy<string> _figureJson;
    private object? _chart;

    /// <summary>Wraps a Plotly.NET chart (its figure JSON comes from Plotly.NET, which needs FSharp.Core ≥ 10.1.403).</summary>
    /// <param name="chart">The chart (built with Plotly.NET or Plotly.NET.CSharp).</param>
    /// <param name="title">A short title for text output; defaults to the layout title or "chart".</param>
    /// <param name="height">Preferred CSS height in pixels.</param>
    public SmartChart(GenericChart chart, string? title = null, int height = 480)
    {
        ArgumentNullException.ThrowIfNull(chart);
        _chart = chart;
        Height = height;
        _figureJson = new Lazy<string>(() => FigureJson.Normalise(GenericChart.toFigureJson(chart)));
        Title = title ?? FigureJson.Title(ToFigureJson()) ?? "chart";
    }

    private SmartChart(string figureJson, string? title, int height)
    {
        var normalised = FigureJson.Normalise(figureJson);
        _figureJson = new Lazy<string>(() => normalised);
        Height = height;
        Title = title ?? FigureJson.Title(normalised) ?? "chart";
    }

    /// <summary>
    /// The Plotly.NET chart: the wrapped one, or for a chart built from figure JSON one rebuilt from that JSON on first
    /// use (so users can keep composing with Plotly.NET; this needs FSharp.Core ≥ 10.1.403 at run time).
    /// </summary>
    public GenericChart Chart => (GenericChart)(_chart ??= PlotlyNetBridge.FromFigureJson(ToFigureJson()));

    /// <summary>The chart's title (plain text).</summary>
    public string Title { get; }

    /// <summary>Preferred height in pixels.</summary>
    public int Height { get; }

    /// <summary>A div id derived from the figure JSON: "sp-chart-" + the first 12 hex digits of its SHA-256.</summary>
    public string ContentId => "sp-chart-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToFigureJson())))[..12];

    /// <summary>
    /// A chart from a plotly figure (<c>{"data": [...], "layout": {...}}</c>, as plotly.js, plotly.py's
    /// <c>fig.to_json()</c> or Plotly.NET write it). The config becomes <c>{"responsive": true, "displaylogo": false}</c>;
    /// a figure without any finite data point gets a "No data to plot" note instead of blank axes.
    /// </summary>
    /// <param name="figureJson">The figure JSON.</param>
    /// <param name="title">A short title for text output; defaults to the layout title or "chart".</param>
    /// <param name="height">Preferred CSS height in pixels.</param>
    /// <exception cref="ArgumentException">The text is not a JSON object.</exception>
    public static SmartChart FromFigureJson(string figureJson, string? title = null, int height = 480)
    {
        ArgumentNullException.ThrowIfNull(figureJson);
        return new SmartChart(figureJson, title, height);
    }

    /// <summary>
    /// The plotly figure as JSON: <c>{"data": [...], "layout": {...}, "config": {...}}</c>, the payload of the
    /// <c>application/vnd.plotly.v1+json</c> mime type. Same chart → same bytes.
    /// </summary>
    public string ToFigureJson() => _figureJson.Value;

    /// <summary>
    /// One sentence saying what the chart is (title, trace count and kinds, trace names, axis titles): the text shown
    /// where scripts do not run and in <c>text/plain</c>.
    /// </summary>
    public string Describe() => FigureJson.Describe(ToFigureJson(), Title);

    /// <summary>
    /// An HTML fragment: a div holding <see cref="Describe"/> as text (what shows where scripts are disabled) and the
    /// script that draws the figure into it.
    /// </summary>
    /// <param name="options">plotly.js mode, div id and height; defaults suit notebook outputs (<see cref="PlotlyJsMode.Notebook"/>).</param>
    public string ToHtml(ChartHtmlOptions? options = null)
    {
        options ??= new ChartHtmlOptions();
        var id = options.DivId ?? ContentId;
        var height = options.Height ?? Height.ToString(CultureInfo.InvariantCulture) + "px";
        var sb = new StringBuilder();
        sb.Append(PlotlyJs.ScriptTag(options.PlotlyJs, options.PlotlyJsUrl));
        sb.Append("<div id=\"").Append(HtmlText.Encode(id)).Append("\" class=\"smartpulse-chart\" style=\"width:100%;height:").Append(HtmlText.Encode(height)).Append(";\">")
          .Append(TextFallback()).Append("</div>\n");
        sb.Append("<script type=\"text/javascript\">(function(){var id=").Append(HtmlText.ScriptSafeJson(JsonSerializer.Serialize(id, _json)))
          .Append(",f=").Append(HtmlText.ScriptSafeJson(ToFigureJson())).Append(";\n").Append(PlotlyJs.DrawWhenReady).Append("})();</script>");
        return sb.ToString();
    }

    /// <summary>
    /// The HTML stored beside the figure JSON in a notebook saved for later viewing: <see cref="Describe"/> as text, no
    /// script and no second copy of the figure (viewers with a plotly renderer draw the figure JSON itself).
    /// </summary>
    public string ToTextHtml() => "<div class=\"smartpulse-chart smartpulse-chart-text\">" + TextFallback() + "</div>";

    /// <summary>A complete HTML document showing this chart (see <see cref="ChartPage.Render"/>).</summary>
    /// <param name="mode">How plotly.js is included (default: embedded, so the file works offline).</param>
    public string ToHtmlPage(PlotlyJsMode mode = PlotlyJsMode.Embed) => ChartPage.Render([this], Title, mode);

    /// <summary>The title, trace count and kinds, for terminals.</summary>
    public override string ToString()
    {
        var (count, kinds) = FigureJson.Traces(ToFigureJson());
        return $"{Title} [plotly chart: {count} trace(s): {string.Join(", ", kinds)}]";
    }

    private string TextFallback() =>
        "<p style=\"margin:0;padding:8px;color:#555;font:13px sans-serif;\">" + HtmlText.Encode(Describe()) + "</p>";
}
