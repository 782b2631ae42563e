using System.Globalization;
using Microsoft.Data.Analysis;
using Microsoft.Data.Sqlite;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>
/// A kernel added with <c>#!connect sqlite --kernel-name NAME --connection-string "Data Source=..."</c>
/// (Microsoft.Data.Sqlite), as in .NET Interactive. A cell's statements run in order; the last result
/// set shows as a table and, with <c>#!NAME --name x</c>, is kept as variable <c>x</c>. Tables are
/// variables too, so <c>#!share --from NAME x</c> brings a result or a whole table to C# as a DataFrame.
/// Columns are typed from all their values: integers → long, numbers → double, otherwise text; NULL stays null.
/// </summary>
internal sealed class SqliteSubkernel : ISubkernel
{
    private readonly SqliteConnection _connection;
    private readonly SortedDictionary<string, DataFrame> _results = new(StringComparer.Ordinal);

    private SqliteSubkernel(string name, SqliteConnection connection, string dataSource)
    {
        Name = name;
        _connection = connection;
        Description = $"SQLite {connection.ServerVersion} ({dataSource})";
    }

    public string Name { get; }

    public string Description { get; }

    public IReadOnlyCollection<string> SwitchOptions => ["--name"];

    public IReadOnlyList<string> VariableNames => [.. _results.Keys.Concat(TableNames()).Distinct(StringComparer.Ordinal)];

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

    public Task<CellStatus> RunAsync(CellSegment segment, KernelContext context)
    {
        segment.Options?.CheckOptions(["--name"], []);
        var name = segment.Options?.Option("--name");
        var sql = MimeSubkernel.Trim(segment.Code);
        if (sql.Length == 0)
        {
            return Task.FromResult(CellStatus.Ok);
        }
        DataFrame? frame;
        try
        {
            frame = Query(sql);
        }
        catch (SqliteException e)
        {
            var message = $"{e.Message} (kernel {Name})";
            context.Error(CellOutput.Error("SqlError", message, [message]));
            return Task.FromResult(CellStatus.Error);
        }
        if (frame is not null)
        {
            if (name is not null)
            {
                _results[name] = frame;
            }
            context.Display(TableFormatter.Format(frame));
        }
        return Task.FromResult(CellStatus.Ok);
    }

    public bool TryGetVariable(string name, out object? value)
    {
        if (_results.TryGetValue(name, out var frame))
        {
            value = frame;
            return true;
        }
        var table = TableNames().FirstOrDefault(t => string.Equals(t, name, StringComparison.OrdinalIgnoreCase));
        value = table is null ? null : Query($"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
        return table is not null;
    }

    public Task SetVariableAsync(string name, object? value, KernelContext context) =>
        throw new MagicException($"Kernel {Name} (SQLite) does not take shared values; share from it instead (#!share --from {Name} <result or table>), or use the sql kernel (DuckDB), which takes DataFrames as tables.");

    public void Dispose() => _connection.Dispose();

    /// <summary>Runs every statement; returns the last result set that has columns, or null.</summary>
    private DataFrame? Query(string sql)
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

    private List<string> TableNames()
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
