using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using SmartPulse.Analysis.Exploration;
using SmartPulse.Analysis.Insights;
using SmartPulse.Analysis.Samples;
using SmartPulse.Display.Charts;
using SmartPulse.Display.Formatting;

namespace SmartPulse.Display.Tests;

public partial class FormattingTests
{
    private const string Xss = "<script>alert(1)</script>";

    private static DataFrame Frame(int rows) => new(
        new Int32DataFrameColumn("id", Enumerable.Range(1, rows).Select(i => (int?)i)),
        new DoubleDataFrameColumn("income", Enumerable.Range(1, rows).Select(i => i % 3 == 0 ? null : (double?)(i * 1.5))),
        new StringDataFrameColumn("name", Enumerable.Range(1, rows).Select(i => i == 2 ? Xss : i == 4 ? null : "c" + i)));

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidPattern();

    [Fact]
    public void DataFrame_html_has_names_types_first_rows_more_line_and_missing()
    {
        var html = DataFrameFormatter.ToHtml(Frame(25), maxRows: 5);
        Assert.Contains("<th>income<br><span class=\"sp-type\">Double</span></th>", html, StringComparison.Ordinal);
        Assert.Contains("<th>id<br><span class=\"sp-type\">Int32</span></th>", html, StringComparison.Ordinal);
        Assert.Contains("<th>name<br><span class=\"sp-type\">String</span></th>", html, StringComparison.Ordinal);
        Assert.Equal(5 + 2, Regex.Matches(html, "<tr>").Count); // header + 5 rows + the "more" row
        Assert.Contains("… 20 more rows (25 in total)", html, StringComparison.Ordinal);

        // Row 3 has income missing (3 % 3 == 0) and row 4 has name missing.
        Assert.Equal(2, Regex.Matches(html, "<td class=\"sp-missing\">missing</td>").Count);
        Assert.Contains("<td>1.5</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>6</td><td>9</td>", html, StringComparison.Ordinal); // row 6 is not shown
    }

    [Fact]
    public void Strings_from_data_are_escaped_everywhere()
    {
        var frame = Frame(3);
        frame.Columns.Add(new DoubleDataFrameColumn(Xss, new double?[] { 1, 2, 3 }));
        var html = DataFrameFormatter.ToHtml(frame);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);

        // A segment name from data inside a chart: escaped in the figure and never a raw </script> in the HTML.
        var palette = new SegmentPalette(new Dictionary<int, string> { [0] = Xss });
        var chart = SegmentCharts.Scatter([1.0, 2.0], [3.0, 4.0], [0, 1], "x", "y", palette: palette);
        var chartHtml = chart.ToHtml();
        Assert.DoesNotContain("<script>alert", chartHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("</script>alert", chartHtml, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(chartHtml, "</script>"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", chart.ToFigureJson(), StringComparison.Ordinal);

        // Rule text in an HTML table.
        var rule = new RuleCheckResult(Xss, "score", new RuleGroup(2, 5, 5), new RuleGroup(3, 4, 4), 0);
        SmartPulseFormatters.Register();
        var ruleHtml = rule.ToDisplayString("text/html");
        Assert.DoesNotContain("<script>alert", ruleHtml, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", ruleHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void DataFrame_text_marks_missing_and_counts_rows()
    {
        var text = DataFrameFormatter.ToText(Frame(4), maxRows: 3);
        Assert.StartsWith("DataFrame: 4 rows × 3 columns", text, StringComparison.Ordinal);
        Assert.Contains("income (Double)", text, StringComparison.Ordinal);
        Assert.Contains("<missing>", text, StringComparison.Ordinal);
        Assert.EndsWith("… 1 more rows (4 in total)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_is_idempotent_and_survives_reset()
    {
        Formatter.ResetToDefault();
        Assert.False(SmartPulseFormatters.IsRegistered);
        SmartPulseFormatters.Register();
        var count = Formatter.RegisteredFormatters(false).Count();
        SmartPulseFormatters.Register();
        Assert.Equal(count, Formatter.RegisteredFormatters(false).Count());
        Assert.True(SmartPulseFormatters.IsRegistered);

        Formatter.ResetToDefault();
        Assert.False(SmartPulseFormatters.IsRegistered);
        SmartPulseFormatters.Register();
        Assert.True(SmartPulseFormatters.IsRegistered);
        Assert.Contains("… 20 more rows", Frame(40).ToDisplayString("text/html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Formatters_produce_every_mime_type()
    {
        SmartPulseFormatters.Register();
        NotebookCharts.ResetSession();
        NotebookCharts.Target = ChartOutputTarget.FrontEnd;
        _ = ClusterCharts.LossCurve([1.0]).ToDisplayString("text/html"); // the session's first chart carries the loader
        var chart = ClusterCharts.Elbow([(2, 100.0), (3, 60.0), (4, 50.0)], chosenK: 3);

        var figure = JsonNode.Parse(chart.ToDisplayString(SmartPulseFormatters.PlotlyMimeType))!.AsObject();
        Assert.NotNull(figure["data"]);
        Assert.NotNull(figure["layout"]);
        var html = chart.ToDisplayString("text/html");
        Assert.Contains("var id=\"" + chart.ContentId + "\"", html, StringComparison.Ordinal);
        Assert.Contains("P.newPlot(el,f.data,f.layout,f.config)", html, StringComparison.Ordinal);
        Assert.True(html.Length < 20_000, $"only the first chart of a session carries plotly.js ({html.Length} chars)");
        Assert.DoesNotContain("http", html, StringComparison.Ordinal);
        Assert.StartsWith("Elbow curve", chart.ToDisplayString("text/plain"), StringComparison.Ordinal);

        var narrative = new Narrative("T", [new NarrativeHeading(3, "T"), new NarrativeParagraph([new("Bold", Emphasis.Strong), new(" text")])]);
        Assert.Equal("### T\n\n**Bold** text", narrative.ToDisplayString("text/markdown"));
        Assert.Equal("T\n\nBold text", narrative.ToDisplayString("text/plain"));

        var plotly = chart.Chart.ToDisplayString(SmartPulseFormatters.PlotlyMimeType);
        Assert.Contains("\"type\":\"scatter\"", plotly, StringComparison.Ordinal);

        // A chart a notebook author builds with Plotly.NET.CSharp goes through the same formatter.
        var own = Plotly.NET.CSharp.Chart.Point<double, double, string>(x: [1.0, 2.0], y: [3.0, 4.0], Name: "mine");
        var ownFigure = JsonNode.Parse(own.ToDisplayString(SmartPulseFormatters.PlotlyMimeType))!.AsObject();
        Assert.Equal("mine", ownFigure["data"]![0]!["name"]!.GetValue<string>());
        Assert.Matches("<div id=\"sp-chart-[0-9a-f]{12}\"", own.ToDisplayString("text/html"));
    }

    [Fact]
    public void Outputs_are_byte_identical_across_runs_and_carry_no_guid()
    {
        SmartPulseFormatters.Register();
        string Render()
        {
            NotebookCharts.ResetSession();
            var labels = new[] { 0, 0, 1, 1, 2 };
            var chart = SegmentCharts.Scatter([1.0, 2, 8, 9, 20], [1.0, 2, 8, 9, 20], labels, "x", "y", [[1.5, 1.5], [8.5, 8.5], [20.0, 20.0]]);
            var xplot = XPlot.Plotly.Chart.Plot(new XPlot.Plotly.Scatter { x = new[] { 1, 2 }, y = new[] { 3, 4 } });
            return chart.ToDisplayString("text/html") + chart.ToDisplayString(SmartPulseFormatters.PlotlyMimeType)
                + Frame(30).ToDisplayString("text/html") + Frame(30).ToDisplayString("text/plain")
                + xplot.ToDisplayString("text/html")
                + ChartPage.Render([chart, chart], mode: PlotlyJsMode.Reference);
        }

        var first = Render();
        var second = Render();
        Assert.Equal(first, second);
        Assert.DoesNotMatch(GuidPattern(), first);
    }

    [Fact]
    public void Xplot_charts_get_content_derived_ids()
    {
        var a = XPlot.Plotly.Chart.Plot(new XPlot.Plotly.Scatter { x = new[] { 1, 2 }, y = new[] { 3, 4 } });
        var b = XPlot.Plotly.Chart.Plot(new XPlot.Plotly.Scatter { x = new[] { 1, 2 }, y = new[] { 3, 5 } });
        var ha = SmartPulseFormatters.XPlotHtml(a);
        Assert.DoesNotContain(a.Id, ha, StringComparison.Ordinal);
        Assert.Matches("id=\"sp-xplot-[0-9a-f]{12}\"", ha);
        Assert.Equal(ha, SmartPulseFormatters.XPlotHtml(XPlot.Plotly.Chart.Plot(new XPlot.Plotly.Scatter { x = new[] { 1, 2 }, y = new[] { 3, 4 } })));
        Assert.NotEqual(Regex.Match(ha, "sp-xplot-[0-9a-f]{12}").Value, Regex.Match(SmartPulseFormatters.XPlotHtml(b), "sp-xplot-[0-9a-f]{12}").Value);
    }

    [Fact]
    public void Result_tables_show_the_numbers()
    {
        SmartPulseFormatters.Register();
        var frame = new DataFrame(
            new DoubleDataFrameColumn("a", new double?[] { 1, 2, 3, 10, 11, 12 }),
            new DoubleDataFrameColumn("b", new double?[] { 5, 5, 6, 5, 6, 6 }));
        var profile = SegmentInsights.Profile(frame, [0, 0, 0, 1, 1, 1]);
        var html = profile.ToDisplayString("text/html");

        // Segment 0: a mean 2, median 2, (2 − 6.5)/√25.1 = −0.90 SD; Cohen's d −9.
        Assert.Contains("<td>2 · 2 · -0.90</td>", html, StringComparison.Ordinal);
        Assert.Contains("a -9.00", html, StringComparison.Ordinal);
        Assert.Contains("<td>50.0%</td>", html, StringComparison.Ordinal);

        var describe = Eda.Describe(frame).ToDisplayString("text/plain");
        Assert.Contains("6.5", describe, StringComparison.Ordinal);

        var corr = Eda.Correlation(frame).ToDisplayString("text/html");
        Assert.Contains("<td>1.000</td>", corr, StringComparison.Ordinal);

        // Real data: Customers.csv has 35 empty Profession cells of 2,000 (1.75%); value counts show the missing group.
        var shop = Datasets.Shop.Load();
        var missing = Eda.Missing(shop).ToDisplayString("text/html");
        Assert.Contains("<td class=\"sp-text\">Profession</td><td>35</td><td>1.75%</td>", missing, StringComparison.Ordinal);
        var counts = Eda.ValueCounts(shop, "Profession", includeMissing: true).ToDisplayString("text/plain");
        Assert.Contains("<missing>", counts, StringComparison.Ordinal);
        var rule = Eda.CheckRule(shop, "Spending Score (1-100)", new Condition("Annual Income ($)", ">", 50000)).ToDisplayString("text/html");
        Assert.Contains("<td class=\"sp-text\">meets the rule</td>", rule, StringComparison.Ordinal);
    }
}

public class GoldenOutputTests
{
    [Fact]
    public void Figure_json_and_id_match_the_committed_bytes()
    {
        // Golden bytes: any change of trace order, property order, number format or id scheme across runs or
        // machines shows up here. Regenerate only for an intended change of the chart.
        var chart = ClusterCharts.Elbow([(2, 10.0), (3, 5.5)], 3);
        Assert.Equal(GoldenFigure, chart.ToFigureJson());
        Assert.Equal(GoldenId, chart.ContentId);
    }

    private const string GoldenFigure =
        """
        {"data":[{"type":"scatter","name":"inertia","mode":"lines+markers","x":[2,3],"y":[10,5.5],"line":{"color":"#4e79a7","width":2},"marker":{"size":8}},{"type":"scatter","name":"chosen k = 3","mode":"markers","x":[3],"y":[5.5],"marker":{"color":"#e15759","size":14,"symbol":"circle-open","line":{"width":3}}}],"layout":{"title":{"text":"Elbow curve: inertia by number of segments","x":0.02},"xaxis":{"title":{"text":"Number of segments k"},"automargin":true,"dtick":1},"yaxis":{"title":{"text":"Inertia (within-cluster sum of squares)"},"automargin":true},"shapes":[{"type":"line","x0":3,"x1":3,"yref":"paper","y0":0,"y1":1,"line":{"color":"#e15759","dash":"dash","width":1}}],"annotations":[{"x":3,"yref":"paper","y":1.04,"text":"k = 3","showarrow":false,"font":{"color":"#e15759"}}],"showlegend":false},"config":{"responsive":true,"displaylogo":false}}
        """;
    private const string GoldenId = "sp-chart-fc744c78417f";
}
