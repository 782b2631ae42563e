namespace SmartPulse.Display.Charts;

/// <summary>How chart HTML gets plotly.js. No mode ever loads it from a CDN.</summary>
public enum PlotlyJsMode
{
    /// <summary>
    /// Notebook outputs: the chart waits for plotly.js that the page already has or gets later — the loader
    /// (<see cref="PlotlyJs.NotebookLoader"/>) that the first chart of a kernel session emits, through require.js where
    /// classic Notebook has it and as <c>window.Plotly</c> otherwise. Until then the div shows the chart's description.
    /// </summary>
    Notebook,

    /// <summary>Embed plotly.js inline (offline, self-contained; about 3.5 MB per page).</summary>
    Embed,

    /// <summary>Reference plotly.js with a <c>&lt;script src&gt;</c> tag to <see cref="ChartHtmlOptions.PlotlyJsUrl"/> (a local file by default).</summary>
    Reference,

    /// <summary>Emit no plotly.js at all: the page provides it (for example a report that embeds it once).</summary>
    None,
}
