namespace SmartPulse.Analysis.Data;

/// <summary>
/// The declared schema of one column: its name in the file header, its type and, for dates, the
/// exact format. Optional display name, unit and description document the data.
/// </summary>
/// <param name="Name">The header name, matched exactly (case-sensitive).</param>
/// <param name="Kind">The declared type; a value that does not parse is an error naming the line.</param>
/// <param name="DateFormat">For <see cref="ColumnKind.Date"/>: a .NET exact format such as <c>dd-MM-yyyy</c>; default <c>yyyy-MM-dd</c>.</param>
/// <param name="DisplayName">A readable name for charts and reports; defaults to <paramref name="Name"/>.</param>
/// <param name="Unit">The unit of the values (for example <c>k$</c> or <c>years</c>), if any.</param>
/// <param name="Description">What the column means.</param>
public sealed record ColumnSpec(
    string Name,
    ColumnKind Kind,
    string? DateFormat = null,
    string? DisplayName = null,
    string? Unit = null,
    string? Description = null)
{
    /// <summary>The display name, falling back to the header name.</summary>
    public string Label => DisplayName ?? Name;
}
