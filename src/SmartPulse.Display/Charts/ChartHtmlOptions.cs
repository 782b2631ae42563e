namespace SmartPulse.Display.Charts;

/// <summary>Options for rendering a <see cref="SmartChart"/> as HTML.</summary>
public sealed record ChartHtmlOptions
{
    /// <summary>The default plotly.js address: the version bundled in Plotly.NET 6.0.0 (2.28.0).</summary>
    public const string DefaultPlotlyJsUrl = "https://cdn.plot.ly/plotly-2.28.0.min.js";

    /// <summary>How plotly.js is made available (default <see cref="PlotlyJsMode.LoadIfMissing"/>).</summary>
    public PlotlyJsMode PlotlyJs { get; init; } = PlotlyJsMode.LoadIfMissing;

    /// <summary>Where plotly.js is loaded from in the Reference and LoadIfMissing modes.</summary>
    public string PlotlyJsUrl { get; init; } = DefaultPlotlyJsUrl;

    /// <summary>The div id; default (null) derives it from the figure's content (<see cref="SmartChart.ContentId"/>).</summary>
    public string? DivId { get; init; }

    /// <summary>CSS height of the chart div (default null: the chart's <see cref="SmartChart.Height"/> in px); the width follows the container.</summary>
    public string? Height { get; init; }
}
