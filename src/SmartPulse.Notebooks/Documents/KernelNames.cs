namespace SmartPulse.Notebooks.Documents;

/// <summary>
/// Kernel names as .NET Interactive spells them, with their aliases (<c>#!c#</c>, <c>#!md</c>, ...).
/// </summary>
public static class KernelNames
{
    /// <summary>The C# kernel, the default kernel of every notebook.</summary>
    public const string CSharp = "csharp";

    /// <summary>The markdown pseudo-kernel used by .dib files for narrative cells.</summary>
    public const string Markdown = "markdown";

    private static readonly Dictionary<string, string> _aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["csharp"] = CSharp,
        ["c#"] = CSharp,
        ["cs"] = CSharp,
        ["markdown"] = Markdown,
        ["md"] = Markdown,
        ["fsharp"] = "fsharp",
        ["f#"] = "fsharp",
        ["fs"] = "fsharp",
        ["pwsh"] = "pwsh",
        ["powershell"] = "pwsh",
        ["javascript"] = "javascript",
        ["js"] = "javascript",
        ["html"] = "html",
        ["sql"] = "sql",
        ["kql"] = "kql",
        ["mermaid"] = "mermaid",
        ["value"] = "value",
        ["http"] = "http",
        ["python"] = "python",
        ["r"] = "r",
    };

    private static readonly Dictionary<string, string> _languages = new(StringComparer.Ordinal)
    {
        ["csharp"] = "C#",
        ["fsharp"] = "F#",
        ["pwsh"] = "PowerShell",
        ["javascript"] = "JavaScript",
        ["html"] = "HTML",
        ["sql"] = "SQL",
        ["kql"] = "KQL",
        ["mermaid"] = "Mermaid",
        ["http"] = "HTTP",
        ["python"] = "Python",
        ["r"] = "R",
    };

    /// <summary>The <c>languageName</c> .NET Interactive writes for a kernel in <c>kernelInfo.items</c>; null for kernels without one (<c>value</c>, <c>markdown</c>, connected kernels).</summary>
    /// <param name="kernel">The canonical kernel name.</param>
    /// <returns>The language name or null.</returns>
    public static string? LanguageName(string kernel) => _languages.GetValueOrDefault(kernel);

    /// <summary>Whether <paramref name="name"/> is a known kernel name or alias (case-insensitive).</summary>
    /// <param name="name">A kernel name such as <c>csharp</c>, <c>c#</c> or <c>md</c>.</param>
    /// <returns><see langword="true"/> for a known kernel.</returns>
    public static bool IsKnown(string name) => _aliases.ContainsKey(name);

    /// <summary>
    /// Maps an alias to its canonical kernel name (<c>c#</c> → <c>csharp</c>, <c>md</c> →
    /// <c>markdown</c>); language names written by .NET Interactive (<c>C#</c>, <c>F#</c>,
    /// <c>PowerShell</c>) are accepted too. Unknown names are returned lower-cased.
    /// </summary>
    /// <param name="name">The name as written in the document.</param>
    /// <returns>The canonical kernel name.</returns>
    public static string Normalize(string name)
    {
        var trimmed = name.Trim();
        return _aliases.TryGetValue(trimmed, out var canonical) ? canonical : trimmed.ToLowerInvariant();
    }
}
