namespace SmartPulse.Notebooks.Runner;

/// <summary>Settings of one notebook execution by <see cref="NotebookRunner"/>.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>papermill parameters (name, raw value) injected after the <c>parameters</c> cell.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>Inject parameters the <c>parameters</c> cell does not declare (typed the papermill way) instead of refusing them.</summary>
    public bool AllowUnknownParameters { get; init; }

    /// <summary>Longest a single cell may run (default 300 s); null for no limit.</summary>
    public TimeSpan? CellTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>Run the remaining cells after a failure (default: stop at the first failing cell).</summary>
    public bool ContinueOnError { get; init; }

    /// <summary>
    /// The notebook's folder: the working directory while it runs (so relative paths such as
    /// <c>data/x.csv</c> or a library walking up to the repository's <c>data/</c> work from any cwd)
    /// and the base of <c>#r "file.dll"</c>. Null keeps the current directory.
    /// </summary>
    public string? NotebookDirectory { get; init; }

    /// <summary>Cache folder for restored NuGet packages (null for the default).</summary>
    public string? PackageCacheDirectory { get; init; }

    /// <summary>Host assemblies referenced by every cell without a <c>#r</c>.</summary>
    public IReadOnlyList<System.Reflection.Assembly> References { get; init; } = [];
}
