using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Formatting;
using SmartPulse.Display.Charts;
using SmartPulse.Display.Formatting;

namespace SmartPulse.Display.Tests;

/// <summary>Chart outputs in notebooks: plotly.js once per process, drawing fallbacks, stored documents, bad data.</summary>
public sealed class NotebookChartTests : IDisposable
{
    public NotebookChartTests()
    {
        SmartPulseFormatters.Register();
        NotebookCharts.ResetSession();
    }

    public void Dispose() => NotebookCharts.ResetSession();

    [Fact]
    public void Front_end_first_chart_of_the_process_carries_plotly_js_once_through_require_or_as_a_global()
    {
        NotebookCharts.Target = ChartOutputTarget.FrontEnd;
        var first = ClusterCharts.LossCurve([1.0, 0.5]).ToDisplayString("text/html");
        var second = ClusterCharts.LossCurve([2.0, 0.5]).ToDisplayString("text/html");
        var third = ClusterCharts.LossCurve([3.0, 0.5]).ToDisplayString("text/html");

        Assert.True(NotebookCharts.LoaderSent);
        Assert.StartsWith(PlotlyJs.NotebookLoader(), first, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(first, Regex.Escape(PlotlyJs.Source[..300])));
        Assert.True(second.Length < 20_000 && third.Length < 20_000, "later charts must not carry plotly.js again");

        // The loader hides define() so plotly.js cannot register as an anonymous AMD module, then registers
        // the require.js module 'plotly' (classic Notebook) and window.Plotly (everywhere else). No network.
        var loader = PlotlyJs.NotebookLoader();
        Assert.Contains("var module={exports:{}},exports=module.exports,define=undefined;", loader, StringComparison.Ordinal);
        Assert.Contains("d('plotly',[],function(){return P;})", loader, StringComparison.Ordinal);
        Assert.Contains("window.Plotly=P", loader, StringComparison.Ordinal);
        var wrapper = loader.Replace(PlotlyJs.Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase), string.Empty, StringComparison.Ordinal);
        Assert.True(wrapper.Length < 1_000, "the loader is plotly.js plus a short wrapper");
        Assert.DoesNotContain("http", wrapper, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(loader, "</script", RegexOptions.IgnoreCase));

        // Each fallback waits for plotly.js (global or require module) and shows its description until it draws.
        var chart = ClusterCharts.LossCurve([2.0, 0.5]);
        Assert.Contains("r.specified('plotly')", second, StringComparison.Ordinal);
        Assert.Contains(chart.Describe(), System.Net.WebUtility.HtmlDecode(second), StringComparison.Ordinal);
        Assert.Contains("<div id=\"" + chart.ContentId + "\" class=\"smartpulse-chart\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public void Document_target_stores_the_figure_once_and_a_text_description_without_script()
    {
        NotebookCharts.Target = ChartOutputTarget.Document;
        var chart = SegmentCharts.Scatter([1.0, 2.0, 8.0], [1.0, 2.0, 8.0], [0, 0, 1], "Income (k$)", "Score");
        var html = chart.ToDisplayString("text/html");
        Assert.False(NotebookCharts.LoaderSent);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"data\"", html, StringComparison.Ordinal);
        Assert.Contains("Chart: Score vs Income (k$) by segment — plotly figure with 2 trace(s) (scatter); series: Segment 0, Segment 1; x axis: Income (k$); y axis: Score.", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal("scatter", JsonNode.Parse(chart.ToDisplayString(SmartPulseFormatters.PlotlyMimeType))!["data"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Target_comes_from_the_environment_variable_unless_set()
    {
        var before = Environment.GetEnvironmentVariable(NotebookCharts.OutputTargetVariable);
        try
        {
            Environment.SetEnvironmentVariable(NotebookCharts.OutputTargetVariable, "document");
            Assert.Equal(ChartOutputTarget.Document, NotebookCharts.Target);
            Environment.SetEnvironmentVariable(NotebookCharts.OutputTargetVariable, null);
            Assert.Equal(ChartOutputTarget.FrontEnd, NotebookCharts.Target);
            NotebookCharts.Target = ChartOutputTarget.Document;
            Assert.Equal(ChartOutputTarget.Document, NotebookCharts.Target);
        }
        finally
        {
            Environment.SetEnvironmentVariable(NotebookCharts.OutputTargetVariable, before);
        }
    }

    [Fact]
    public void Empty_and_all_nan_charts_draw_empty_axes_with_a_note()
    {
        var empty = SegmentCharts.Scatter([], [], [], "x", "y");
        var nan = SegmentCharts.Scatter([double.NaN, double.NaN], [1.0, double.NaN], [0, 0], "x", "y");
        var fine = SegmentCharts.Scatter([1.0], [2.0], [0], "x", "y");
        foreach (var chart in new[] { empty, nan })
        {
            Assert.True(JsonNode.Parse(chart.ToFigureJson())!["layout"]!["annotations"] is JsonArray, chart.ToFigureJson());
            var layout = JsonNode.Parse(chart.ToFigureJson())!["layout"]!;
            Assert.Equal(FigureJson.NoDataNote, layout["annotations"]![0]!["text"]!.GetValue<string>());
            Assert.Contains("no data to plot", chart.Describe(), StringComparison.Ordinal);
        }

        // NaN became null (a gap), never the NaN token plotly.js cannot parse.
        Assert.Equal("[null,null]", JsonNode.Parse(nan.ToFigureJson())!["data"]![0]!["x"]!.ToJsonString());
        Assert.Null(JsonNode.Parse(fine.ToFigureJson())!["layout"]!["annotations"]);
    }

    [Fact]
    public void Figure_json_charts_need_no_plotly_net_and_rebuild_a_plotly_net_chart_on_request()
    {
        var chart = SmartChart.FromFigureJson("{\"data\":[{\"type\":\"bar\",\"x\":[1,2],\"y\":[3.5,4],\"name\":\"a &amp; b\"}],\"layout\":{\"title\":{\"text\":\"Sales &lt;2024&gt;\"}}}");
        Assert.Equal("Sales <2024>", chart.Title);
        Assert.Equal("Sales <2024> [plotly chart: 1 trace(s): bar]", chart.ToString());
        Assert.Equal("{\"data\":[{\"type\":\"bar\",\"x\":[1,2],\"y\":[3.5,4],\"name\":\"a &amp; b\"}],\"layout\":{\"title\":{\"text\":\"Sales &lt;2024&gt;\"}},\"config\":{\"responsive\":true,\"displaylogo\":false}}", chart.ToFigureJson());

        var rebuilt = JsonNode.Parse(Plotly.NET.GenericChart.toFigureJson(chart.Chart))!;
        Assert.Equal("bar", rebuilt["data"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(3.5, rebuilt["data"]![0]!["y"]![0]!.GetValue<double>());
        Assert.Equal("Sales &lt;2024&gt;", rebuilt["layout"]!["title"]!["text"]!.GetValue<string>());
        Assert.Throws<ArgumentException>(() => SmartChart.FromFigureJson("[1,2]"));
        Assert.Throws<ArgumentException>(() => SmartChart.FromFigureJson("{\"data\": [}"));
    }

    [Fact]
    public void Plotly_net_formatters_register_when_fsharp_core_is_new_enough()
    {
        Assert.True(SmartPulseFormatters.PlotlyNetAvailable);
        Assert.Contains(Formatter.RegisteredFormatters(false), f => f.Type == typeof(Plotly.NET.GenericChart));
    }
}
