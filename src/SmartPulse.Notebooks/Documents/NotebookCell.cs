using System.Text.Json.Nodes;

namespace SmartPulse.Notebooks.Documents;

/// <summary>One cell of a notebook: its kind, kernel, source, metadata and (for code) outputs.</summary>
public sealed class NotebookCell
{
    /// <summary>Creates a cell.</summary>
    /// <param name="cellType">Code, markdown or raw.</param>
    /// <param name="source">The cell's text.</param>
    /// <param name="kernelName">
    /// The canonical kernel (<see cref="KernelNames.CSharp"/> for C#); markdown cells use
    /// <see cref="KernelNames.Markdown"/>.
    /// </param>
    public NotebookCell(CellType cellType, string source, string kernelName = KernelNames.CSharp)
    {
        CellType = cellType;
        Source = source;
        KernelName = cellType == CellType.Markdown ? KernelNames.Markdown : KernelNames.Normalize(kernelName);
    }

    /// <summary>Code, markdown or raw.</summary>
    public CellType CellType { get; set; }

    /// <summary>The cell's source text, lines separated by <c>\n</c>.</summary>
    public string Source { get; set; }

    /// <summary>The canonical kernel name (<c>csharp</c>, <c>fsharp</c>, <c>markdown</c>, ...).</summary>
    public string KernelName { get; set; }

    /// <summary>The nbformat cell id, or <see langword="null"/> until one is assigned on write.</summary>
    public string? Id { get; set; }

    /// <summary>Cell metadata as read (unknown keys are preserved).</summary>
    public JsonObject Metadata { get; set; } = [];

    /// <summary>Outputs of a code cell.</summary>
    public List<CellOutput> Outputs { get; set; } = [];

    /// <summary>The execution count of a code cell, or <see langword="null"/> if not executed.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>Cell attachments (markdown images) as read, passed through untouched.</summary>
    public JsonObject? Attachments { get; set; }

    /// <summary>
    /// The kernel directive as written in a .dib file (<c>c#</c> for <c>#!c#</c>), so writing a
    /// .dib back reproduces it; <see langword="null"/> for cells not read from a .dib.
    /// </summary>
    public string? DibDirective { get; set; }

    /// <summary>
    /// The cell exactly as read from an .ipynb whose <c>cell_type</c> is none of code, markdown or
    /// raw (for example <c>sql</c>): such a cell is kept as a <see cref="CellType.Raw"/> cell — never
    /// executed — and written back unchanged. <see langword="null"/> for ordinary cells.
    /// </summary>
    public JsonObject? UnknownCell { get; set; }

    /// <summary>The cell's tags (<c>metadata.tags</c>), such as papermill's <c>parameters</c>; entries that are not strings are ignored.</summary>
    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray tags
            ? [.. tags.Select(t => t is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>()]
            : [];

    /// <summary>Whether the cell carries <paramref name="tag"/> in <c>metadata.tags</c>.</summary>
    /// <param name="tag">The tag, compared ordinally.</param>
    /// <returns><see langword="true"/> when tagged.</returns>
    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);

    /// <summary>Whether this is a code cell for the C# kernel.</summary>
    public bool IsCSharpCode => CellType == CellType.Code && KernelName == KernelNames.CSharp;

    /// <summary>A deep copy of this cell.</summary>
    /// <returns>The copy.</returns>
    public NotebookCell Clone() => new(CellType, Source, KernelName)
    {
        Id = Id,
        Metadata = (JsonObject)Metadata.DeepClone(),
        Outputs = [.. Outputs.Select(o => o.Clone())],
        ExecutionCount = ExecutionCount,
        Attachments = (JsonObject?)Attachments?.DeepClone(),
        DibDirective = DibDirective,
        UnknownCell = (JsonObject?)UnknownCell?.DeepClone(),
    };
}
