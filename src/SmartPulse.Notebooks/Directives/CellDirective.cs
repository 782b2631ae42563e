namespace SmartPulse.Notebooks.Directives;

/// <summary>One directive found in a cell.</summary>
/// <param name="Kind">What it asks for.</param>
/// <param name="Argument">
/// The argument: the package name (for <see cref="DirectiveKind.NuGetReference"/>), the path, the
/// source, or the magic command's name.
/// </param>
/// <param name="Version">The requested package version, or <see langword="null"/> for the latest.</param>
/// <param name="Line">The 1-based line in the cell.</param>
public sealed record CellDirective(DirectiveKind Kind, string Argument, string? Version, int Line);
