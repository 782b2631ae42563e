using SmartPulse.Notebooks.Report;

namespace SmartPulse.Notebooks.Runner;

/// <summary>Settings of <see cref="BatchRunner"/>, one-to-one with <c>smartpulse run</c>'s options.</summary>
public sealed record BatchRunOptions
{
    /// <summary>Notebook files or folders (folders are searched recursively for .ipynb and .dib, in ordinal order).</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>Where executed copies and <c>run-manifest.json</c> go (default <c>artifacts/notebooks</c>).</summary>
    public string OutputDirectory { get; init; } = Path.Combine("artifacts", "notebooks");

    /// <summary>
    /// Overwrite each source .ipynb with its executed copy, atomically (temp file + rename), and only
    /// when the notebook succeeded; a failed notebook's partial copy goes to
    /// <see cref="OutputDirectory"/> and the source is left untouched. .dib files store no outputs and are
    /// never rewritten.
    /// </summary>
    public bool InPlace { get; init; }

    /// <summary>Re-execute and compare each code cell's outputs with those stored in the source; write no notebooks.</summary>
    public bool Check { get; init; }

    /// <summary>Replace read-only output files (and, with <see cref="InPlace"/>, read-only sources); without it they are refused before anything runs.</summary>
    public bool Force { get; init; }

    /// <summary>When set, the folder of a static HTML report.</summary>
    public string? ReportDirectory { get; init; }

    /// <summary>Options of the HTML report (plotly.js source, title).</summary>
    public HtmlReportOptions ReportOptions { get; init; } = new();

    /// <summary>How many notebooks run at once, each in its own kernel process; null for the number of cores. Outputs, manifest, report and console text do not depend on it (timings aside).</summary>
    public int? Jobs { get; init; }

    /// <summary>
    /// Fail (instead of skip) a notebook whose <c>#!connect jupyter --kernel-spec</c> names a kernelspec that is not
    /// installed. Under <c>CI=true</c> such notebooks are never skipped.
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>Execution settings applied to every notebook (kernel, parameters, timeouts, error policy, package cache).</summary>
    public NotebookRunOptions Run { get; init; } = new();
}
