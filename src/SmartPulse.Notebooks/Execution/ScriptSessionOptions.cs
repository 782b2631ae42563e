using System.Reflection;

namespace SmartPulse.Notebooks.Execution;

/// <summary>Settings of a <see cref="ScriptSession"/>; the defaults suit a notebook run from its own folder.</summary>
public sealed record ScriptSessionOptions
{
    /// <summary>The namespaces every session imports, as .NET Interactive's C# kernel does, plus the <c>x.Display()</c> extension's namespace.</summary>
    public static readonly IReadOnlyList<string> DefaultImports =
    [
        "System",
        "System.Text",
        "System.Collections",
        "System.Collections.Generic",
        "System.Threading.Tasks",
        "System.Linq",
        "SmartPulse.Notebooks.Display",
    ];

    /// <summary>Folder that <c>#r "file.dll"</c> paths are relative to (the notebook's folder); null for the current directory.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Cache folder for restored NuGet packages; null for <see cref="Directives.PackageResolver.DefaultCacheDirectory"/>.</summary>
    public string? PackageCacheDirectory { get; init; }

    /// <summary>Namespaces imported into every cell.</summary>
    public IReadOnlyList<string> Imports { get; init; } = DefaultImports;

    /// <summary>Host assemblies referenced from the first cell on, without a <c>#r</c>.</summary>
    public IReadOnlyList<Assembly> References { get; init; } = [];
}
