using SmartPulse.Notebooks.Client;

namespace SmartPulse.Notebooks.Runner;

/// <summary>Settings of one notebook execution by <see cref="NotebookRunner"/>.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>papermill parameters (name, raw value) injected after the <c>parameters</c> cell.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>Inject parameters the <c>parameters</c> cell does not declare (typed the papermill way) instead of refusing them.</summary>
    public bool AllowUnknownParameters { get; init; }

    /// <summary>Longest a single cell may run (default 300 s); null for no limit. On timeout the kernel is interrupted, as nbclient does.</summary>
    public TimeSpan? CellTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>Longest a kernel may take to answer its first <c>kernel_info_request</c> (default 60 s).</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Run the remaining cells after a failure (default: stop at the first failing cell).</summary>
    public bool ContinueOnError { get; init; }

    /// <summary>
    /// The notebook's folder: the working directory of its kernel process (so relative paths such as
    /// <c>data/x.csv</c> or a library walking up to the repository's <c>data/</c> work from any cwd)
    /// and the base of <c>#r "file.dll"</c>. Null for the runner's current directory. The runner's own
    /// current directory never changes.
    /// </summary>
    public string? NotebookDirectory { get; init; }

    /// <summary>Cache folder for restored NuGet packages (null for the default); passed to the SmartPulse kernel as <c>SMARTPULSE_PACKAGE_CACHE</c>.</summary>
    public string? PackageCacheDirectory { get; init; }

    /// <summary>
    /// How to start the SmartPulse kernel, the default for notebooks whose kernelspec is a .NET one
    /// (<c>.net-csharp</c>, ...) or absent. The CLI passes its own <c>kernel {connection_file}</c>
    /// command; the engine does not know where its host lives.
    /// </summary>
    public KernelLaunch? Kernel { get; init; }

    /// <summary>
    /// A kernelspec name that overrides every notebook's own (<c>--kernel</c>), for example <c>python3</c>;
    /// null to use each notebook's <c>kernelspec.name</c>. A .NET kernelspec name selects <see cref="Kernel"/>.
    /// </summary>
    public string? KernelName { get; init; }
}
