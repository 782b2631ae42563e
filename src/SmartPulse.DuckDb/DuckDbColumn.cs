namespace SmartPulse.DuckDb;

/// <summary>A column of a DuckDB table or view, as listed by <c>information_schema.columns</c>.</summary>
/// <param name="Table">The table or view name.</param>
/// <param name="Name">The column name.</param>
/// <param name="DataType">DuckDB's type name (<c>BIGINT</c>, <c>VARCHAR</c>, <c>DOUBLE</c>, ...).</param>
public sealed record DuckDbColumn(string Table, string Name, string DataType);
