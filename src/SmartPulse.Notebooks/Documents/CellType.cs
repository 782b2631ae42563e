namespace SmartPulse.Notebooks.Documents;

/// <summary>The kind of a notebook cell, as nbformat names it.</summary>
public enum CellType
{
    /// <summary>Executable source (<c>"code"</c>).</summary>
    Code,

    /// <summary>Markdown narrative (<c>"markdown"</c>).</summary>
    Markdown,

    /// <summary>Raw text passed through untouched (<c>"raw"</c>).</summary>
    Raw,
}
