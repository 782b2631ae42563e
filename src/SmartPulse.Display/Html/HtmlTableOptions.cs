namespace SmartPulse.Display.Html;

/// <summary>
/// How <see cref="HtmlTable.Render(IReadOnlyList{string}, IEnumerable{HtmlTableRow}, HtmlTableOptions?)"/> writes a
/// table. The defaults give the notebook table: caption-less, right-aligned cells, with the shared style and a
/// horizontal scroll wrapper so the output stands alone.
/// </summary>
public sealed record HtmlTableOptions
{
    /// <summary>The table's <c>id</c> attribute (escaped); null (default) = none. Keep it unique in the page.</summary>
    public string? Id { get; init; }

    /// <summary>A caption above the table (escaped); null (default) = none.</summary>
    public string? Caption { get; init; }

    /// <summary>A second, smaller line under each header (a column type, for example), by column; null (default) = none.</summary>
    public IReadOnlyList<string>? HeaderTypes { get; init; }

    /// <summary>Columns whose cells are text, left-aligned (class <c>sp-text</c>), by column; null (default) = all right-aligned.</summary>
    public IReadOnlyList<bool>? LeftAligned { get; init; }

    /// <summary>A trailing note row spanning every column (escaped); null (default) = none.</summary>
    public string? Note { get; init; }

    /// <summary>
    /// True (default): the table carries the shared <c>smartpulse-table</c> style and class and sits in a horizontal
    /// scroll wrapper, so a notebook output or report stands alone. False: only the <c>&lt;table&gt;</c> element, for a
    /// page that brings its own stylesheet and layout (the web app).
    /// </summary>
    public bool Standalone { get; init; } = true;
}
