namespace SmartPulse.Notebooks.Directives;

/// <summary>A code cell split into its kernel, its directives and the C# left to compile.</summary>
/// <param name="KernelName">
/// The canonical kernel named by a first-line <c>#!kernel</c> switch, or <see langword="null"/>
/// when the cell keeps its own kernel.
/// </param>
/// <param name="Directives">The directives, in order.</param>
/// <param name="Code">
/// The source with every directive line blanked (not removed), so compiler and stack-trace line
/// numbers stay those of the cell.
/// </param>
/// <param name="Errors">Malformed directives, each with its 1-based line.</param>
public sealed record ParsedCell(string? KernelName, IReadOnlyList<CellDirective> Directives, string Code, IReadOnlyList<string> Errors);
