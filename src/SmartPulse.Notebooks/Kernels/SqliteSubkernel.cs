using System.Globalization;
using Microsoft.Data.Analysis;
using Microsoft.Data.Sqlite;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>
/// A kernel added with <c>#!connect sqlite --kernel-name NAME --connection-string "Data Source=..."</c>
/// (Microsoft.Data.Sqlite), as in .NET Interactive. A cell's statements run in order; the last result
/// set is the cell's result (shown, kept with <c>--name</c>, shared, as in <see cref="SqlSubkernelBase"/>).
/// Columns are typed from all their values: integers → long, numbers → double, otherwise text; NULL stays null.
/// It does not take shared values.
/// </summary>
internal sealed class SqliteSubkernel : SqlSubkernelBase
{
    private readonly SqliteConnection _connection;

    private SqliteSubkernel(string name, SqliteConnection connection, string dataSource)
        : base(name)
    {
        _connection = connection;
        Description = $"SQLite {connection.ServerVersion} ({dataSource})";
    }

    public override string Description { get; }

    /// <summary>Opens the connection; a bad connection string or an unopenable file is a <see cref="MagicException"/> that says which.</summary>
    public static SqliteSubkernel Open(string name, string connectionString, string baseDirectory)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new MagicException($"#!connect sqlite: the connection string \"{connectionString}\" is not valid ({e.Message}); write it as \"Data Source=path/to/file.db\".");
        }
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new MagicException($"#!connect sqlite: the connection string \"{connectionString}\" names no Data Source; write it as \"Data Source=path/to/file.db\" (or \"Data Source=:memory:\").");
        }
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            // Relative files resolve against the notebook's folder, like #!connect duckdb --path.
            builder.DataSource = Path.GetFullPath(Path.Combine(baseDirectory, builder.DataSource));
        }
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new MagicException($"#!connect sqlite: cannot open '{builder.DataSource}': {e.Message} Check the path and that the file is an SQLite database.");
        }
        return new SqliteSubkernel(name, connection, builder.DataSource);
    }

    public override Task SetVariableAsync(string name, object? value, KernelContext context) =>
        throw new MagicException($"Kernel {Name} (SQLite) does not take shared values; share from it instead (#!share --from {Name} <result or table>), or use the sql kernel (DuckDB), which takes DataFrames as tables.");

    public override void Dispose() => _connection.Dispose();

    protected override string? QueryError(Exception e) => e is SqliteException ? $"{e.Message} (kernel {Name})" : null;

    /// <summary>Runs every statement; returns the last result set that has columns, or null.</summary>
    protected override DataFrame? Query(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        DataFrame? last = null;
        do
        {
            if (reader.FieldCount > 0)
            {
                last = Read(reader);
            }
        }
        while (reader.NextResult());
        return last;
    }

    private static DataFrame Read(SqliteDataReader reader)
    {
        var columns = Enumerable.Range(0, reader.FieldCount).Select(_ => new List<object?>()).ToArray();
        while (reader.Read())
        {
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i].Add(reader.IsDBNull(i) ? null : reader.GetValue(i));
            }
        }
        return new DataFrame(columns.Select((values, i) => Column(reader.GetName(i), values)));
    }

    private static DataFrameColumn Column(string name, List<object?> values)
    {
        if (values.All(v => v is null or long))
        {
            return new Int64DataFrameColumn(name, values.Select(v => (long?)v));
        }
        if (values.All(v => v is null or long or double))
        {
            return new DoubleDataFrameColumn(name, values.Select(v => v is null ? (double?)null : Convert.ToDouble(v, CultureInfo.InvariantCulture)));
        }
        return new StringDataFrameColumn(name, values.Select(v => v switch
        {
            null => null,
            byte[] blob => Convert.ToHexString(blob),
            _ => Convert.ToString(v, CultureInfo.InvariantCulture),
        }));
    }

    protected override IReadOnlyList<string> TableNames()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }
}
