namespace SmartPulse.Display.Charts;

/// <summary>How chart HTML gets plotly.js.</summary>
public enum PlotlyJsMode
{
    /// <summary>
    /// Light fallback for notebook outputs: draw with <c>window.Plotly</c> when the page has it, else load plotly.js
    /// from <see cref="ChartHtmlOptions.PlotlyJsUrl"/> once. Never embeds the 3.5 MB library.
    /// </summary>
    LoadIfMissing,

    /// <summary>Embed plotly.js inline (offline, self-contained; about 3.5 MB per page).</summary>
    Embed,

    /// <summary>Reference plotly.js with a <c>&lt;script src&gt;</c> tag to <see cref="ChartHtmlOptions.PlotlyJsUrl"/>.</summary>
    Reference,

    /// <summary>Emit no plotly.js at all: the page provides it (for example a report that embeds it once).</summary>
    None,
}
