using SmartPulse.Notebooks.Documents;

namespace SmartPulse.Notebooks.Report;

/// <summary>One notebook of an HTML report.</summary>
/// <param name="Name">Display name and page name source (e.g. the notebook's relative path).</param>
/// <param name="Notebook">The executed notebook.</param>
/// <param name="Status">A short status word shown on the index (<c>ok</c>, <c>failed</c>, ...).</param>
public sealed record ReportEntry(string Name, Notebook Notebook, string Status);
