using System.Globalization;
using System.Text;
using SmartPulse.Text;

namespace SmartPulse.Display.Charts;

/// <summary>A standalone HTML page of charts with plotly.js included once and div ids by sequence (chart-1, chart-2, …).</summary>
public static class ChartPage
{
    /// <summary>Renders the page.</summary>
    /// <param name="charts">Charts, in order.</param>
    /// <param name="title">Page title (escaped).</param>
    /// <param name="mode">How plotly.js is included: embedded once (default, offline), referenced once, or left out.</param>
    /// <param name="plotlyJsUrl">Address for <see cref="PlotlyJsMode.Reference"/>.</param>
    public static string Render(IEnumerable<SmartChart> charts, string title = "SmartPulse charts", PlotlyJsMode mode = PlotlyJsMode.Embed, string plotlyJsUrl = ChartHtmlOptions.DefaultPlotlyJsUrl)
    {
        ArgumentNullException.ThrowIfNull(charts);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(HtmlText.Encode(title)).Append("</title>\n");
        sb.Append(PlotlyJs.ScriptTag(mode == PlotlyJsMode.Notebook ? PlotlyJsMode.Embed : mode, plotlyJsUrl));
        sb.Append("</head>\n<body>\n");
        var i = 0;
        foreach (var chart in charts)
        {
            i++;
            sb.Append(chart.ToHtml(new ChartHtmlOptions { PlotlyJs = PlotlyJsMode.None, DivId = "chart-" + i.ToString(CultureInfo.InvariantCulture) })).Append('\n');
        }

        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }
}
