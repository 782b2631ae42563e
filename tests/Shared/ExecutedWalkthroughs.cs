namespace SmartPulse.Testing;

/// <summary>
/// The walkthrough notebooks (<c>notebooks/*.ipynb</c>) as one <c>smartpulse run notebooks --out --report --jobs 2</c>
/// executed them for the whole test suite (see <see cref="WalkthroughCache"/>).
/// </summary>
/// <param name="Sources">The committed notebooks that were run, sorted by file name.</param>
/// <param name="OutputDirectory">The executed copies (one per notebook that ran, same file name) and run-manifest.json.</param>
/// <param name="ReportDirectory">The HTML report of the run (index.html and one page per notebook).</param>
/// <param name="ExitCode">The exit code of <c>smartpulse run</c> (0: every notebook succeeded or was skipped).</param>
/// <param name="Log">Its stdout and stderr.</param>
/// <param name="Reused">Whether another test (in this process or another test assembly) had already run it.</param>
internal sealed record ExecutedWalkthroughs(
    IReadOnlyList<string> Sources,
    string OutputDirectory,
    string ReportDirectory,
    int ExitCode,
    string Log,
    bool Reused)
{
    /// <summary>The notebooks the runner skipped (a <c>#!connect jupyter</c> kernelspec missing here), by file name.</summary>
    public IReadOnlyList<string> Skipped =>
    [
        .. Log.Split('\n')
            .Where(l => l.StartsWith("skipped: ", StringComparison.Ordinal))
            .Select(l => l["skipped: ".Length..].Split(':')[0].Trim())
            .Select(Path.GetFileName)
            .OfType<string>(),
    ];

    /// <summary>The executed copy of a walkthrough, by file name (for example <c>01-mall-kmeans.ipynb</c>).</summary>
    public string Executed(string name) => Path.Combine(OutputDirectory, name);
}
