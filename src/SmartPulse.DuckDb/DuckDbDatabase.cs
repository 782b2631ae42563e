using DuckDB.NET.Data;
using Microsoft.Data.Analysis;

namespace SmartPulse.DuckDb;

/// <summary>
/// One DuckDB database (in memory or a file) behind one connection: register DataFrames as tables,
/// run SQL into DataFrames, list tables and columns. Calls are serialised (a DuckDB connection is not
/// thread-safe). Errors surface as <see cref="DuckDbQueryException"/> carrying DuckDB's message and,
/// where DuckDB gives one, the line and column of the failing token.
/// </summary>
public sealed class DuckDbDatabase : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly Lock _gate = new();

    private DuckDbDatabase(DuckDBConnection connection, string? path)
    {
        _connection = connection;
        Path = path;
    }

    /// <summary>The database file, or <see langword="null"/> for an in-memory database.</summary>
    public string? Path { get; }

    /// <summary>The underlying ADO.NET connection, for what this type does not wrap. Do not use it concurrently with this object.</summary>
    public DuckDBConnection Connection => _connection;

    /// <summary>Opens a fresh in-memory database.</summary>
    /// <returns>The open database.</returns>
    public static DuckDbDatabase OpenInMemory() => Open(null);

    /// <summary>
    /// Opens (creating if absent) a database file, or an in-memory database when <paramref name="path"/>
    /// is <see langword="null"/> or <c>:memory:</c>.
    /// </summary>
    /// <param name="path">The <c>.duckdb</c> file path.</param>
    /// <param name="readOnly">Open the file read-only (it must exist).</param>
    /// <returns>The open database.</returns>
    /// <exception cref="DuckDbQueryException">The file cannot be opened (locked by another process, not a DuckDB file, missing when read-only).</exception>
    public static DuckDbDatabase Open(string? path, bool readOnly = false)
    {
        var memory = path is null || path == ":memory:";
        string? full = memory ? null : System.IO.Path.GetFullPath(path!);
        if (full is not null && readOnly && !File.Exists(full))
        {
            throw new DuckDbQueryException($"DuckDB file '{full}' does not exist; it cannot be opened read-only. Check the path or drop the read-only flag to create it.", "", null, null);
        }
        var source = memory ? ":memory:" : full!.Replace(";", "\\;", StringComparison.Ordinal);
        var connectionString = "Data Source=" + source + (readOnly ? ";ACCESS_MODE=READ_ONLY" : "");
        var connection = new DuckDBConnection(connectionString);
        try
        {
            connection.Open();
        }
        catch (DuckDBException e)
        {
            connection.Dispose();
            throw new DuckDbQueryException(
                $"Cannot open DuckDB database '{full ?? ":memory:"}': {e.Message}. Check that the path is a DuckDB file and that no other process holds it open for writing.",
                "", null, null, e);
        }
        return new DuckDbDatabase(connection, full);
    }

    /// <summary>
    /// Creates table <paramref name="tableName"/> with one column per DataFrame column (bool → BOOLEAN,
    /// int → INTEGER, long → BIGINT, double → DOUBLE, decimal → DECIMAL(38,10), DateTime → TIMESTAMP,
    /// string/char → VARCHAR, ...) and appends every row; nulls stay NULL.
    /// </summary>
    /// <param name="tableName">The table name (quoted, so any text works; DuckDB matches it case-insensitively).</param>
    /// <param name="frame">The rows.</param>
    /// <param name="replace">Replace an existing table of that name (default); otherwise an existing table is an error.</param>
    /// <exception cref="DuckDbQueryException">An unsupported column type, duplicate column names, or a DuckDB failure.</exception>
    public void RegisterDataFrame(string tableName, DataFrame frame, bool replace = true)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (string.IsNullOrWhiteSpace(tableName))
        {
            throw new ArgumentException("The table name is empty; pass the name the SQL should use, e.g. \"customers\".", nameof(tableName));
        }
        lock (_gate)
        {
            Guard(() => FrameToTable.Copy(_connection, tableName, frame, replace), $"CREATE TABLE {SqlText.QuoteIdentifier(tableName)}");
        }
    }

    /// <summary>
    /// Runs <paramref name="sql"/> (one or more statements separated by <c>;</c>) and returns the last
    /// result set that has columns as a DataFrame (see the type mapping on <see cref="RegisterDataFrame"/>;
    /// HUGEINT, e.g. <c>SUM</c> of integers, becomes <c>long</c> when it fits). Returns an empty
    /// DataFrame when no statement produced rows.
    /// </summary>
    /// <param name="sql">The SQL text.</param>
    /// <returns>The result.</returns>
    /// <exception cref="DuckDbQueryException">DuckDB rejected the SQL; see <see cref="DuckDbQueryException.Line"/>/<see cref="DuckDbQueryException.Column"/>.</exception>
    public DataFrame Query(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        lock (_gate)
        {
            return Guard(() =>
            {
                using var command = _connection.CreateCommand();
                command.CommandText = sql;
                using var reader = command.ExecuteReader();
                DataFrame? last = null;
                do
                {
                    if (reader.FieldCount > 0)
                    {
                        last = ReaderToFrame.Read(reader);
                    }
                }
                while (reader.NextResult());
                return last ?? new DataFrame();
            }, sql);
        }
    }

    /// <summary>Runs statements that return no rows (DDL, INSERT, SET, ...).</summary>
    /// <param name="sql">The SQL text.</param>
    /// <returns>The number of rows affected, as DuckDB reports it.</returns>
    /// <exception cref="DuckDbQueryException">DuckDB rejected the SQL.</exception>
    public int Execute(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        lock (_gate)
        {
            return Guard(() =>
            {
                using var command = _connection.CreateCommand();
                command.CommandText = sql;
                return command.ExecuteNonQuery();
            }, sql);
        }
    }

    /// <summary>Table and view names of the main schema, in name order.</summary>
    /// <returns>The names.</returns>
    public IReadOnlyList<string> TableNames()
    {
        var frame = Query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name");
        return frame.Rows.Count == 0 ? [] : frame.Columns[0].Cast<string>().ToList();
    }

    /// <summary>Columns of every table and view of the main schema, in table then ordinal order.</summary>
    /// <returns>The columns.</returns>
    public IReadOnlyList<DuckDbColumn> Columns()
    {
        var frame = Query("SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position");
        var result = new List<DuckDbColumn>((int)frame.Rows.Count);
        for (long r = 0; r < frame.Rows.Count; r++)
        {
            result.Add(new DuckDbColumn((string)frame.Columns[0][r], (string)frame.Columns[1][r], (string)frame.Columns[2][r]));
        }
        return result;
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose() => _connection.Dispose();

    private static T Guard<T>(Func<T> action, string sql)
    {
        try
        {
            return action();
        }
        catch (DuckDBException e)
        {
            throw Wrap(e, sql);
        }
    }

    private static void Guard(Action action, string sql) => Guard(() => { action(); return 0; }, sql);

    private static DuckDbQueryException Wrap(DuckDBException e, string sql)
    {
        var position = SqlText.ErrorPosition(e.Message, sql);
        var where = position is { } p ? $" (SQL line {p.Line}, column {p.Column})" : "";
        return new DuckDbQueryException(e.Message.TrimEnd() + where, sql, position?.Line, position?.Column, e);
    }
}
