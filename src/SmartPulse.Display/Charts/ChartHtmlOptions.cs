namespace SmartPulse.Display.Charts;

/// <summary>Options for rendering a <see cref="SmartChart"/> as HTML.</summary>
public sealed record ChartHtmlOptions
{
    /// <summary>The default plotly.js address for <see cref="PlotlyJsMode.Reference"/>: a file next to the page (write it with <see cref="PlotlyJs.Source"/>).</summary>
    public const string DefaultPlotlyJsUrl = "plotly.min.js";

    /// <summary>How plotly.js is made available (default <see cref="PlotlyJsMode.Notebook"/>).</summary>
    public PlotlyJsMode PlotlyJs { get; init; } = PlotlyJsMode.Notebook;

    /// <summary>Where plotly.js is loaded from in the Reference mode (default <see cref="DefaultPlotlyJsUrl"/>).</summary>
    public string PlotlyJsUrl { get; init; } = DefaultPlotlyJsUrl;

    /// <summary>The div id; default (null) derives it from the figure's content (<see cref="SmartChart.ContentId"/>).</summary>
    public string? DivId { get; init; }

    /// <summary>CSS height of the chart div (default null: the chart's <see cref="SmartChart.Height"/> in px); the width follows the container.</summary>
    public string? Height { get; init; }
}
