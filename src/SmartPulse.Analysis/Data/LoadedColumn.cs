namespace SmartPulse.Analysis.Data;

/// <summary>What the loader decided about one column.</summary>
/// <param name="Name">The header name.</param>
/// <param name="Kind">The column's type.</param>
/// <param name="Declared"><c>true</c> if the type came from the schema, <c>false</c> if inferred from all values.</param>
/// <param name="MissingCount">How many cells were missing (empty, whitespace or a missing marker) and became nulls.</param>
public sealed record LoadedColumn(string Name, ColumnKind Kind, bool Declared, long MissingCount)
{
    /// <summary>
    /// For a text or date column that also holds numbers: its first value that is not a number and
    /// that value's line (why the column is not numeric). Null otherwise.
    /// </summary>
    public NonNumericValue? FirstNonNumeric { get; init; }
}
