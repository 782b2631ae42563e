using SmartPulse.Display.Charts;

namespace SmartPulse.Display.Formatting;

/// <summary>
/// The HTML a chart shows as a notebook output, and the once-per-process plotly.js loader. The engine knows nothing
/// about Plotly: a kernel process is one session, so the first chart formatted as HTML in this process carries
/// <see cref="PlotlyJs.NotebookLoader"/> in front of its own HTML, and later charts wait for it. A host that stores
/// outputs for later viewing (<c>smartpulse run</c>) says so with <see cref="OutputTargetVariable"/>=<c>document</c>
/// (inherited by the kernel processes it starts).
/// </summary>
public static class NotebookCharts
{
    /// <summary>The environment variable that selects <see cref="ChartOutputTarget.Document"/> when set to <c>document</c>.</summary>
    public const string OutputTargetVariable = "SMARTPULSE_OUTPUT_TARGET";

    private static int _loaderSent;
    private static ChartOutputTarget? _target;

    /// <summary>
    /// The target: set explicitly, else <see cref="ChartOutputTarget.Document"/> when <see cref="OutputTargetVariable"/>
    /// is <c>document</c>, else <see cref="ChartOutputTarget.FrontEnd"/>.
    /// </summary>
    public static ChartOutputTarget Target
    {
        get => _target ?? (string.Equals(Environment.GetEnvironmentVariable(OutputTargetVariable), "document", StringComparison.OrdinalIgnoreCase)
            ? ChartOutputTarget.Document
            : ChartOutputTarget.FrontEnd);
        set => _target = value;
    }

    /// <summary>Whether this process has already emitted the plotly.js loader.</summary>
    public static bool LoaderSent => Volatile.Read(ref _loaderSent) != 0;

    /// <summary>
    /// The chart's notebook HTML: for <see cref="ChartOutputTarget.Document"/> its text description only
    /// (<see cref="SmartChart.ToTextHtml"/>); for <see cref="ChartOutputTarget.FrontEnd"/> the drawing fallback
    /// (<see cref="PlotlyJsMode.Notebook"/>), preceded by plotly.js the first time in this process.
    /// </summary>
    /// <param name="chart">The chart.</param>
    public static string Html(SmartChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return Target == ChartOutputTarget.Document ? chart.ToTextHtml() : LoaderOnce() + chart.ToHtml();
    }

    /// <summary>The loader the first time it is asked for in this process (front-end target), else the empty string.</summary>
    public static string LoaderOnce() =>
        Target == ChartOutputTarget.FrontEnd && Interlocked.Exchange(ref _loaderSent, 1) == 0 ? PlotlyJs.NotebookLoader() : string.Empty;

    /// <summary>Forgets that the loader was sent and any explicit target (tests; a new session in the same process).</summary>
    public static void ResetSession()
    {
        Volatile.Write(ref _loaderSent, 0);
        _target = null;
    }
}
