namespace SmartPulse.Display.Formatting;

/// <summary>Who looks at a chart output: a live front end, or a document saved for later viewing.</summary>
public enum ChartOutputTarget
{
    /// <summary>
    /// A front end renders outputs as they arrive (Jupyter Notebook/Lab, VS Code, nbconvert --execute): each chart is
    /// the figure JSON plus an HTML fallback that draws it, and the first chart of the process also carries plotly.js
    /// (plotly.py's offline notebook mode).
    /// </summary>
    FrontEnd,

    /// <summary>
    /// Outputs are stored in a notebook and drawn later by viewers that bring their own plotly (the HTML report,
    /// VS Code, JupyterLab's plotly renderer): each chart is the figure JSON once plus a short text description as
    /// HTML; no plotly.js and no second copy of the figure are stored.
    /// </summary>
    Document,
}
