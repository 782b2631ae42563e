using System.Text.Json.Nodes;

namespace SmartPulse.Notebooks.Documents;

/// <summary>
/// An in-memory notebook, independent of its file format. Read and write it with
/// <see cref="NotebookFile"/>, <see cref="IpynbFormat"/> or <see cref="DibFormat"/>.
/// </summary>
public sealed class Notebook
{
    /// <summary>The cells, in order.</summary>
    public List<NotebookCell> Cells { get; set; } = [];

    /// <summary>Notebook-level metadata as read (unknown keys are preserved on write).</summary>
    public JsonObject Metadata { get; set; } = [];

    /// <summary>The default kernel for cells that do not name one (<c>csharp</c> unless the document says otherwise).</summary>
    public string DefaultKernelName { get; set; } = KernelNames.CSharp;

    /// <summary>
    /// Whether the .ipynb text ends with a newline when written: true for new notebooks (Jupyter's own
    /// writer adds one); as found when read, so a file saved without one round-trips byte for byte.
    /// </summary>
    public bool EndsWithNewline { get; set; } = true;

    /// <summary>A deep copy of this notebook.</summary>
    /// <returns>The copy.</returns>
    public Notebook Clone() => new()
    {
        Cells = [.. Cells.Select(c => c.Clone())],
        Metadata = (JsonObject)Metadata.DeepClone(),
        DefaultKernelName = DefaultKernelName,
        EndsWithNewline = EndsWithNewline,
    };
}
