using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using Microsoft.Data.Analysis;
using SmartPulse.DuckDb;

namespace SmartPulse.Benchmarks.Polyglot;

/// <summary>
/// The share path SmartPulse.DuckDb had before the typed columnar transfer, kept here only as the
/// benchmark's baseline: every cell read through the boxing <c>DataFrameColumn[row]</c> indexer and
/// dispatched on its runtime type into the appender; results appended value by value with
/// <c>PrimitiveDataFrameColumn.Append</c> and then copied once more into the typed column class.
/// </summary>
internal static class BoxedShareBaseline
{
    public static void ToTable(DuckDbDatabase db, string table, DataFrame frame)
    {
        db.Execute("CREATE OR REPLACE TABLE " + SqlText.QuoteIdentifier(table) + " (" + string.Join(", ", frame.Columns.Select(c => SqlText.QuoteIdentifier(c.Name) + " " + SqlType(c))) + ")");
        using var appender = db.Connection.CreateAppender(table);
        var columns = frame.Columns.ToArray();
        for (long r = 0; r < frame.Rows.Count; r++)
        {
            var row = appender.CreateRow();
            foreach (var column in columns)
            {
                switch (column[r])
                {
                    case null: row.AppendNullValue(); break;
                    case bool v: row.AppendValue(v); break;
                    case int v: row.AppendValue(v); break;
                    case long v: row.AppendValue(v); break;
                    case double v: row.AppendValue(v); break;
                    case DateTime v: row.AppendValue(v); break;
                    case string v: row.AppendValue(v); break;
                    case var v: row.AppendValue(Convert.ToString(v, CultureInfo.InvariantCulture)); break;
                }
            }
            row.EndRow();
        }
    }

    public static DataFrame Query(DuckDbDatabase db, string sql)
    {
        using var command = db.Connection.CreateCommand();
        command.CommandText = sql;
        using DbDataReader reader = command.ExecuteReader();
        var builders = new List<(Action Append, Func<DataFrameColumn> Build)>();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var ordinal = i;
            var name = reader.GetName(i);
            var type = reader.GetFieldType(i);
            builders.Add(type switch
            {
                _ when type == typeof(bool) => Typed<bool>(reader, ordinal, name, c => new BooleanDataFrameColumn(name, c)),
                _ when type == typeof(int) => Typed<int>(reader, ordinal, name, c => new Int32DataFrameColumn(name, c)),
                _ when type == typeof(long) => Typed<long>(reader, ordinal, name, c => new Int64DataFrameColumn(name, c)),
                _ when type == typeof(double) => Typed<double>(reader, ordinal, name, c => new DoubleDataFrameColumn(name, c)),
                _ => Text(reader, ordinal, name),
            });
        }
        while (reader.Read())
        {
            foreach (var (append, _) in builders)
            {
                append();
            }
        }
        return new DataFrame(builders.Select(b => b.Build()));
    }

    private static (Action, Func<DataFrameColumn>) Typed<T>(DbDataReader reader, int ordinal, string name, Func<PrimitiveDataFrameColumn<T>, DataFrameColumn> specialise)
        where T : unmanaged
    {
        var column = new PrimitiveDataFrameColumn<T>(name);
        return (() => column.Append(reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal)), () => specialise(column));
    }

    private static (Action, Func<DataFrameColumn>) Text(DbDataReader reader, int ordinal, string name)
    {
        var column = new StringDataFrameColumn(name);
        return (() => column.Append(reader.IsDBNull(ordinal) ? null : Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture)), () => column);
    }

    private static string SqlType(DataFrameColumn column) => column.DataType switch
    {
        var t when t == typeof(bool) => "BOOLEAN",
        var t when t == typeof(int) => "INTEGER",
        var t when t == typeof(long) => "BIGINT",
        var t when t == typeof(double) => "DOUBLE",
        var t when t == typeof(DateTime) => "TIMESTAMP",
        _ => "VARCHAR",
    };
}
