namespace SmartPulse.Notebooks.Directives;

/// <summary>The kinds of line directives a C# cell may carry.</summary>
public enum DirectiveKind
{
    /// <summary><c>#r "nuget: Name[, Version]"</c>.</summary>
    NuGetReference,

    /// <summary><c>#r "path/to/file.dll"</c> (relative to the notebook's folder).</summary>
    FileReference,

    /// <summary><c>#i "nuget: source"</c> (a package source URL or folder).</summary>
    NuGetSource,

    /// <summary><c>#!time</c>: report the cell's wall time.</summary>
    Time,

    /// <summary>Any other <c>#!magic</c> command, which this engine does not implement.</summary>
    UnsupportedMagic,
}
