namespace SmartPulse.Display.Html;

/// <summary>
/// One body row of <see cref="HtmlTable.Render(IReadOnlyList{string}, IEnumerable{HtmlTableRow}, HtmlTableOptions?)"/>:
/// its cells as text (null renders as an italic "missing"; an empty string as an empty cell) and, optionally, a class
/// for the <c>&lt;tr&gt;</c>, <c>data-*</c> attributes and a class per cell. Every text and attribute value is
/// HTML-escaped when rendered, so values from data are safe here.
/// </summary>
/// <param name="Cells">The cell texts, one per column.</param>
/// <example><c>new HtmlTableRow(["0", "Careful", "23"]) { Class = "segment", Data = [new("segment", "0")], CellClasses = ["num", "name", "num size"] }</c></example>
public sealed record HtmlTableRow(IReadOnlyList<string?> Cells)
{
    /// <summary>The row's <c>class</c> attribute (one or more space-separated class names); null = none.</summary>
    public string? Class { get; init; }

    /// <summary>
    /// <c>data-*</c> attributes, written in this order after <see cref="Class"/>: a pair ("segment", "3") becomes
    /// <c>data-segment="3"</c>. Names must be lowercase ASCII letters, digits and <c>- _ .</c> (what HTML allows after
    /// <c>data-</c> and a selector can match); the renderer refuses others, naming the attribute. Empty by default.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Data { get; init; } = [];

    /// <summary>
    /// The <c>class</c> of each cell, by column; a shorter list or a null entry adds nothing. Written after the
    /// renderer's own classes (<c>sp-text</c> for left-aligned cells, <c>sp-missing</c> for missing ones). Empty by default.
    /// </summary>
    public IReadOnlyList<string?> CellClasses { get; init; } = [];
}
