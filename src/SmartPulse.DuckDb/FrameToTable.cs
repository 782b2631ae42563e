using System.Text;
using DuckDB.NET.Data;
using Microsoft.Data.Analysis;

namespace SmartPulse.DuckDb;

/// <summary>Copies a <see cref="DataFrame"/> into a new DuckDB table through DuckDB's appender, column-typed (<see cref="ColumnWriter"/>): no per-cell boxing or text.</summary>
internal static class FrameToTable
{
    /// <summary>The DuckDB column type for a DataFrame column's element type.</summary>
    public static string SqlType(DataFrameColumn column, string tableName) => column.DataType switch
    {
        var t when t == typeof(bool) => "BOOLEAN",
        var t when t == typeof(byte) => "UTINYINT",
        var t when t == typeof(sbyte) => "TINYINT",
        var t when t == typeof(short) => "SMALLINT",
        var t when t == typeof(ushort) => "USMALLINT",
        var t when t == typeof(int) => "INTEGER",
        var t when t == typeof(uint) => "UINTEGER",
        var t when t == typeof(long) => "BIGINT",
        var t when t == typeof(ulong) => "UBIGINT",
        var t when t == typeof(float) => "REAL",
        var t when t == typeof(double) => "DOUBLE",
        var t when t == typeof(decimal) => "DECIMAL(38,10)",
        var t when t == typeof(DateTime) => "TIMESTAMP",
        var t when t == typeof(char) => "VARCHAR",
        var t when t == typeof(string) => "VARCHAR",
        var t => throw new DuckDbQueryException(
            $"Column '{column.Name}' of the DataFrame for table '{tableName}' has element type {t.Name}, which has no DuckDB equivalent. " +
            "Supported: bool, byte, sbyte, short, ushort, int, uint, long, ulong, float, double, decimal, DateTime, char, string. " +
            "Convert the column (or drop it) before sharing the DataFrame.", "", null, null),
    };

    /// <summary>Creates (or replaces) <paramref name="tableName"/> and appends every row of <paramref name="frame"/>.</summary>
    public static void Copy(DuckDBConnection connection, string tableName, DataFrame frame, bool replace)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var ddl = new StringBuilder(replace ? "CREATE OR REPLACE TABLE " : "CREATE TABLE ");
        ddl.Append(SqlText.QuoteIdentifier(tableName)).Append(" (");
        for (var c = 0; c < frame.Columns.Count; c++)
        {
            var column = frame.Columns[c];
            if (!names.Add(column.Name))
            {
                throw new DuckDbQueryException(
                    $"The DataFrame for table '{tableName}' has two columns named '{column.Name}' (DuckDB column names are case-insensitive). Rename one before sharing.",
                    "", null, null);
            }
            if (c > 0)
            {
                ddl.Append(", ");
            }
            ddl.Append(SqlText.QuoteIdentifier(column.Name)).Append(' ').Append(SqlType(column, tableName));
        }
        ddl.Append(')');
        if (frame.Columns.Count == 0)
        {
            throw new DuckDbQueryException($"The DataFrame for table '{tableName}' has no columns; a DuckDB table needs at least one.", "", null, null);
        }
        using (var command = connection.CreateCommand())
        {
            command.CommandText = ddl.ToString();
            command.ExecuteNonQuery();
        }
        using var appender = connection.CreateAppender(tableName);
        var writers = frame.Columns.Select(ColumnWriter.For).ToArray();
        for (long r = 0; r < frame.Rows.Count; r++)
        {
            var row = appender.CreateRow();
            foreach (var writer in writers)
            {
                writer.Append(row, r);
            }
            row.EndRow();
        }
    }
}
