using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;
using SmartPulse.Analysis.Clustering;
using SmartPulse.Analysis.Evaluation;
using SmartPulse.Analysis.Exploration;
using SmartPulse.Analysis.Insights;
using SmartPulse.Display.Charts;
using SmartPulse.Display.Narratives;
using SmartPulse.Text;
using Histogram = SmartPulse.Analysis.Exploration.Histogram;
using PlotlyChart = XPlot.Plotly.PlotlyChart;

namespace SmartPulse.Display.Formatting;

/// <summary>
/// Registers SmartPulse's formatters with Microsoft.DotNet.Interactive.Formatting, so <c>display(x)</c> shows SmartPulse
/// results well under the SmartPulse notebook engine and under .NET Interactive alike:
/// <list type="bullet">
/// <item><see cref="DataFrame"/> → HTML table (names and types, first <see cref="MaxRows"/> rows, "… M more rows", missing shown) and text/plain.</item>
/// <item><see cref="DescribeResult"/>, <see cref="CorrelationMatrix"/>, <see cref="GroupByResult"/>, <see cref="ClusterScores"/>,
/// <see cref="KSweepResult"/>, <see cref="SegmentProfileTable"/>, <see cref="RuleCheckResult"/>, <see cref="Histogram"/>,
/// <see cref="ClusteringResult"/> and sequences of <see cref="MissingValues"/>, <see cref="ValueCount"/>, <see cref="IqrOutliers"/>
/// and <see cref="SegmentName"/> → HTML tables and text/plain.</item>
/// <item><see cref="SmartChart"/> and Plotly.NET <see cref="GenericChart"/> → <c>application/vnd.plotly.v1+json</c> (the figure) plus
/// HTML chosen by <see cref="NotebookCharts"/> (a drawing fallback, plotly.js once per process; or text only in stored
/// documents); XPlot.Plotly <see cref="PlotlyChart"/> → HTML with a content-derived div id.</item>
/// <item><see cref="Narrative"/> and <see cref="SegmentInsightReport"/> → <c>text/markdown</c> with a text/plain fallback.</item>
/// </list>
/// Every string from data is HTML-escaped, and the same value always formats to the same bytes.
/// </summary>
public static class SmartPulseFormatters
{
    /// <summary>The plotly figure mime type.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    private const string Html = "text/html";
    private const string Plain = "text/plain";
    private const string Markdown = "text/markdown";
    private static readonly object _gate = new();

    /// <summary>Rows of a DataFrame shown in HTML and text (default 20).</summary>
    public static int MaxRows { get; set; } = DataFrameFormatter.DefaultMaxRows;

    /// <summary>
    /// Registers every formatter. Idempotent: calling it again does nothing while the registrations are in place
    /// (after <c>Formatter.ResetToDefault()</c> it registers them again).
    /// </summary>
    public static void Register()
    {
        lock (_gate)
        {
            if (IsRegistered)
            {
                return;
            }

            Formatter.Register<DataFrame>((f, w) => w.Write(DataFrameFormatter.ToHtml(f, MaxRows)), Html);
            Formatter.Register<DataFrame>((f, w) => w.Write(DataFrameFormatter.ToText(f, MaxRows)), Plain);

            Formatter.Register<DescribeResult>((r, w) => w.Write(string.Concat(ResultTables.Describe(r).Select(t => t.ToHtml()))), Html);
            Formatter.Register<DescribeResult>((r, w) => w.Write(string.Join("\n\n", ResultTables.Describe(r).Select(t => t.ToText()))), Plain);
            Tables<CorrelationMatrix>(ResultTables.Correlation);
            Tables<GroupByResult>(ResultTables.GroupBy);
            Tables<ClusterScores>(ResultTables.Scores);
            Tables<KSweepResult>(ResultTables.Sweep);
            Tables<SegmentProfileTable>(t => ResultTables.Profile(t));
            Tables<RuleCheckResult>(ResultTables.Rule);
            Tables<IEnumerable<MissingValues>>(ResultTables.Missing);
            Tables<IEnumerable<ValueCount>>(ResultTables.Counts);
            Tables<IEnumerable<IqrOutliers>>(ResultTables.Outliers);
            Tables<Histogram>(ResultTables.Bins);
            Tables<IEnumerable<SegmentName>>(ResultTables.Names);
            Tables<ClusteringResult>(ResultTables.Clustering);
            Tables<IEnumerable<ComparisonRow>>(ResultTables.Comparison);

            Formatter.Register<SmartChart>((c, w) => w.Write(NotebookCharts.Html(c)), Html);
            Formatter.Register<SmartChart>((c, w) => w.Write(c.ToFigureJson()), PlotlyMimeType);
            Formatter.Register<SmartChart>((c, w) => w.Write(c.ToString()), Plain);
            PlotlyNetAvailable = TryRegister(RegisterPlotlyNet);
            XPlotAvailable = TryRegister(RegisterXPlot);

            Formatter.Register<Narrative>((n, w) => w.Write(NarrativeMarkdown.Render(n)), Markdown);
            Formatter.Register<Narrative>((n, w) => w.Write(NarrativePlainText.Render(n)), Plain);
            Formatter.Register<SegmentInsightReport>((r, w) => w.Write(NarrativeMarkdown.Render(r.ToNarrative())), Markdown);
            Formatter.Register<SegmentInsightReport>((r, w) => w.Write(NarrativePlainText.Render(r.ToNarrative())), Plain);

            Formatter.SetPreferredMimeTypesFor(typeof(SmartChart), PlotlyMimeType, Html);
            Formatter.SetPreferredMimeTypesFor(typeof(Narrative), Markdown);
            Formatter.SetPreferredMimeTypesFor(typeof(SegmentInsightReport), Markdown);
            foreach (var t in new[] { typeof(DataFrame), typeof(DescribeResult), typeof(CorrelationMatrix), typeof(GroupByResult), typeof(ClusterScores), typeof(KSweepResult), typeof(SegmentProfileTable), typeof(RuleCheckResult), typeof(Histogram), typeof(ClusteringResult) })
            {
                Formatter.SetPreferredMimeTypesFor(t, Html);
            }
        }
    }

    /// <summary>
    /// Whether the Plotly.NET <see cref="GenericChart"/> formatters were registered: false when the host's FSharp.Core is
    /// older than Plotly.NET needs (.NET Interactive 1.0.712001 loads 10.0.103; Plotly.NET 6 needs 10.1.403). SmartPulse's
    /// own charts never need it.
    /// </summary>
    public static bool PlotlyNetAvailable { get; private set; }

    /// <summary>Whether the XPlot.Plotly formatters were registered.</summary>
    public static bool XPlotAvailable { get; private set; }

    /// <summary>True while SmartPulse's formatters are registered.</summary>
    public static bool IsRegistered =>
        Formatter.RegisteredFormatters(false).Any(f => f.Type == typeof(SmartChart) && f.MimeType == PlotlyMimeType);

    /// <summary>
    /// The HTML of an XPlot.Plotly chart with its random Guid div id replaced by one derived from the chart's content,
    /// drawn once plotly.js is there (the session's loader, emitted with the first chart; never a CDN).
    /// </summary>
    /// <param name="chart">The XPlot chart.</param>
    public static string XPlotHtml(PlotlyChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var html = chart.GetInlineHtml();
        var oldId = chart.Id;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html.Replace(oldId, string.Empty, StringComparison.Ordinal))))[..12];
        var id = "sp-xplot-" + hash;
        html = html.Replace(oldId, id, StringComparison.Ordinal);
        var start = html.IndexOf("<script>", StringComparison.Ordinal);
        var end = html.LastIndexOf("</script>", StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return html;
        }

        var div = html[..start].Trim();
        var js = HtmlText.ScriptSafeJson(html[(start + "<script>".Length)..end].Trim());
        var ready = "var n=0;function go(){var P=window.Plotly;if(P&&P.newPlot){draw(P);return;}var r=window.requirejs;"
            + "if(typeof r==='function'&&r.specified&&r.specified('plotly')){r(['plotly'],draw);return;}if(++n<300){setTimeout(go,100);}}go();";
        return NotebookCharts.LoaderOnce() + div + "\n<script type=\"text/javascript\">(function(){function draw(Plotly){" + js + "}\n" + ready + "})();</script>";
    }

    private static bool TryRegister(Action register)
    {
        try
        {
            register();
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or TypeLoadException or MissingMethodException)
        {
            // The host's FSharp.Core is older than the F# chart library needs: SmartPulse's own charts still work.
            return false;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RegisterPlotlyNet()
    {
        Formatter.Register<GenericChart>((c, w) => w.Write(NotebookCharts.Html(new SmartChart(c))), Html);
        Formatter.Register<GenericChart>((c, w) => w.Write(new SmartChart(c).ToFigureJson()), PlotlyMimeType);
        Formatter.Register<GenericChart>((c, w) => w.Write(new SmartChart(c).ToString()), Plain);
        Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), PlotlyMimeType, Html);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RegisterXPlot()
    {
        Formatter.Register<PlotlyChart>((c, w) => w.Write(XPlotHtml(c)), Html);
        Formatter.Register<PlotlyChart>((c, w) => w.Write("XPlot.Plotly chart"), Plain);
        Formatter.SetPreferredMimeTypesFor(typeof(PlotlyChart), Html);
    }

    private static void Tables<T>(Func<T, TableData> table)
    {
        Formatter.Register<T>((x, w) => w.Write(table(x).ToHtml()), Html);
        Formatter.Register<T>((x, w) => w.Write(table(x).ToText()), Plain);
    }
}
