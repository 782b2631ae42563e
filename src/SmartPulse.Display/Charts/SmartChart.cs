using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Plotly.NET;
using SmartPulse.Display.Html;

namespace SmartPulse.Display.Charts;

/// <summary>
/// A Plotly.NET chart with deterministic output: the figure JSON (<c>application/vnd.plotly.v1+json</c>) and HTML whose
/// div id derives from the figure's content (never a random Guid), with plotly.js embedded, referenced, loaded on
/// demand or left to the page (<see cref="PlotlyJsMode"/>).
/// </summary>
public sealed class SmartChart
{
    private static readonly JsonSerializerOptions _json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Lazy<string> _figureJson;

    /// <summary>Wraps a Plotly.NET chart.</summary>
    /// <param name="chart">The chart (from SmartPulse's chart functions or built with Plotly.NET directly).</param>
    /// <param name="title">A short title for text output; defaults to the layout title or "chart".</param>
    /// <param name="height">Preferred CSS height in pixels.</param>
    public SmartChart(GenericChart chart, string? title = null, int height = 480)
    {
        ArgumentNullException.ThrowIfNull(chart);
        Chart = chart;
        Title = title ?? "chart";
        Height = height;
        _figureJson = new Lazy<string>(BuildFigureJson);
    }

    /// <summary>The underlying Plotly.NET chart.</summary>
    public GenericChart Chart { get; }

    /// <summary>The chart's title (plain text).</summary>
    public string Title { get; }

    /// <summary>Preferred height in pixels.</summary>
    public int Height { get; }

    /// <summary>
    /// The plotly figure as JSON: <c>{"data": [...], "layout": {...}, "config": {...}}</c>, the payload of the
    /// <c>application/vnd.plotly.v1+json</c> mime type. Same chart → same bytes.
    /// </summary>
    public string ToFigureJson() => _figureJson.Value;

    /// <summary>A div id derived from the figure JSON: "sp-chart-" + the first 12 hex digits of its SHA-256.</summary>
    public string ContentId => "sp-chart-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToFigureJson())))[..12];

    /// <summary>An HTML fragment: a div and the script that draws the figure into it.</summary>
    /// <param name="options">plotly.js mode, div id and height; defaults suit notebook outputs (no embedded plotly.js).</param>
    public string ToHtml(ChartHtmlOptions? options = null)
    {
        options ??= new ChartHtmlOptions();
        var id = HtmlText.Encode(options.DivId ?? ContentId);
        var height = options.Height ?? Height.ToString(System.Globalization.CultureInfo.InvariantCulture) + "px";
        var figure = HtmlText.ScriptSafeJson(ToFigureJson());
        var sb = new StringBuilder();
        sb.Append(PlotlyJs.ScriptTag(options.PlotlyJs, options.PlotlyJsUrl));
        sb.Append("<div id=\"").Append(id).Append("\" class=\"smartpulse-chart\" style=\"width:100%;height:").Append(HtmlText.Encode(height)).Append(";\"></div>\n");
        sb.Append("<script type=\"text/javascript\">(function(){var f=").Append(figure).Append(";\n");
        sb.Append("function draw(){Plotly.newPlot('").Append(id).Append("',f.data,f.layout,f.config);}\n");
        if (options.PlotlyJs == PlotlyJsMode.LoadIfMissing)
        {
            var url = HtmlText.ScriptSafeJson(JsonSerializer.Serialize(options.PlotlyJsUrl));
            sb.Append("if(window.Plotly){draw();}else{var s=document.createElement('script');s.src=").Append(url)
              .Append(";s.onload=draw;document.head.appendChild(s);}");
        }
        else
        {
            sb.Append("draw();");
        }

        sb.Append("})();</script>");
        return sb.ToString();
    }

    /// <summary>A complete HTML document showing this chart (see <see cref="ChartPage.Render"/>).</summary>
    /// <param name="mode">How plotly.js is included (default: embedded, so the file works offline).</param>
    public string ToHtmlPage(PlotlyJsMode mode = PlotlyJsMode.Embed) => ChartPage.Render([this], Title, mode);

    /// <summary>The title, trace count and kind, for terminals.</summary>
    public override string ToString()
    {
        var traces = GenericChart.getTraces(Chart).ToList();
        var kinds = string.Join(", ", traces.Select(t => t.TryGetTypedPropertyValue<string>("type")).Select(o => o?.Value ?? "trace").Distinct());
        return $"{Title} [plotly chart: {traces.Count} trace(s): {kinds}]";
    }

    private string BuildFigureJson()
    {
        var raw = GenericChart.toFigureJson(Chart);
        var parsed = JsonNode.Parse(raw)?.AsObject() ?? throw new InvalidOperationException("Plotly.NET produced an empty figure.");
        var figure = new JsonObject
        {
            ["data"] = parsed["data"]?.DeepClone() ?? new JsonArray(),
            ["layout"] = parsed["layout"]?.DeepClone() ?? new JsonObject(),
            ["config"] = new JsonObject { ["responsive"] = true, ["displaylogo"] = false },
        };
        return figure.ToJsonString(_json);
    }
}
