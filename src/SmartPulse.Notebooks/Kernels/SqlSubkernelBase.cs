using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using SmartPulse.DuckDb;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>
/// What every SQL subkernel shares (<see cref="SqlSubkernel"/> on DuckDB, <see cref="SqliteSubkernel"/> on SQLite): a
/// cell's last result shows as a table and, with <c>#!NAME --name x</c>, is kept as variable <c>x</c> (a DataFrame);
/// tables and views are variables too (a case-insensitive name brings all their rows), so <c>#!share --from NAME x</c>
/// brings either to another kernel; <c>#!who</c> lists kept results, then tables. A query error is one <c>SqlError</c>.
/// Subclasses supply only the database: how to run SQL, which exception is a query error, and the table names.
/// </summary>
internal abstract class SqlSubkernelBase : ISubkernel
{
    private readonly SortedDictionary<string, DataFrame> _results = new(StringComparer.Ordinal);

    protected SqlSubkernelBase(string name) => Name = name;

    public string Name { get; }

    public abstract string Description { get; }

    public IReadOnlyCollection<string> SwitchOptions => ["--name"];

    public IReadOnlyList<string> VariableNames => [.. _results.Keys.Concat(TableNames()).Distinct(StringComparer.Ordinal)];

    public Task<CellStatus> RunAsync(CellSegment segment, KernelContext context)
    {
        segment.Options?.CheckOptions(["--name"], []);
        var name = segment.Options?.Option("--name");
        if (string.IsNullOrWhiteSpace(segment.Code))
        {
            return Task.FromResult(CellStatus.Ok);
        }
        DataFrame? frame;
        try
        {
            frame = Query(segment.Code);
        }
        catch (Exception e) when (QueryError(e) is { } message)
        {
            context.Error(CellOutput.Error("SqlError", message, message.Split('\n')));
            return Task.FromResult(CellStatus.Error);
        }
        if (frame is { Columns.Count: > 0 })
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
        value = table is null ? null : Query("SELECT * FROM " + SqlText.QuoteIdentifier(table));
        return table is not null;
    }

    public abstract Task SetVariableAsync(string name, object? value, KernelContext context);

    public virtual JsonObject? Complete(string code, int cursor) => null;

    public virtual JsonObject? Inspect(string code, int cursor, int detailLevel) => null;

    public abstract void Dispose();

    /// <summary>Runs the SQL (one or more statements); returns the last result, or null when none has columns.</summary>
    protected abstract DataFrame? Query(string sql);

    /// <summary>The error message to show when <paramref name="e"/> is this database's query error; null lets it propagate.</summary>
    protected abstract string? QueryError(Exception e);

    /// <summary>The database's tables and views, in a stable order.</summary>
    protected abstract IReadOnlyList<string> TableNames();
}
