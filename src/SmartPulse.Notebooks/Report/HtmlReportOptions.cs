namespace SmartPulse.Notebooks.Report;

/// <summary>Settings of <see cref="HtmlReport"/>.</summary>
public sealed record HtmlReportOptions
{
    /// <summary>The index page's title.</summary>
    public string Title { get; init; } = "Notebook report";

    /// <summary>
    /// Opens plotly.js (minified), copied once into the report folder as <c>plotly.min.js</c> when a
    /// page has an <c>application/vnd.plotly.v1+json</c> output. The engine ships no plotly.js: the
    /// host supplies it (the smartpulse CLI takes it from the Plotly.NET assembly's embedded
    /// resource). When null, figures fall back to their HTML or text representation.
    /// </summary>
    public Func<Stream>? PlotlyJs { get; init; }
}
