using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using SmartPulse.DuckDb;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>
/// A SQL subkernel over one DuckDB database (<c>sql</c>, in memory; or a <c>#!connect duckdb</c>
/// kernel, in memory or on a file); results, tables and <c>--name</c> as in <see cref="SqlSubkernelBase"/>.
/// Shared-in DataFrames and sequences become tables, scalars become DuckDB variables
/// (<c>getvariable('x')</c>); completion and inspection know the tables, columns and SQL keywords.
/// </summary>
internal sealed class SqlSubkernel : SqlSubkernelBase
{
    private static readonly string[] _keywords =
    [
        "SELECT", "FROM", "WHERE", "GROUP BY", "ORDER BY", "HAVING", "LIMIT", "JOIN", "LEFT JOIN", "ON", "AS", "AND", "OR", "NOT",
        "COUNT", "SUM", "AVG", "MIN", "MAX", "DISTINCT", "CASE", "WHEN", "THEN", "ELSE", "END", "WITH", "UNION", "CREATE", "TABLE", "VIEW",
        "INSERT", "INTO", "VALUES", "DESCRIBE", "SUMMARIZE", "read_csv_auto", "read_parquet", "median", "stddev_samp", "quantile_cont",
    ];

    private readonly DuckDbDatabase _db;

    public SqlSubkernel(string name, string? path)
        : base(name)
    {
        _db = path is null ? DuckDbDatabase.OpenInMemory() : DuckDbDatabase.Open(path);
    }

    public override string Description => $"SQL (DuckDB {DuckDbVersion()}, {(_db.Path is null ? "in memory" : _db.Path)})";

    public DuckDbDatabase Database => _db;

    public override Task SetVariableAsync(string name, object? value, KernelContext context)
    {
        switch (value)
        {
            case DataFrame frame:
                _db.RegisterDataFrame(name, frame);
                break;
            case string or null or bool or IFormattable:
                _db.Execute($"SET VARIABLE {SqlText.QuoteIdentifier(name)} = {Literal(value)}");
                break;
            case IEnumerable sequence:
                var items = sequence.Cast<object?>().ToList();
                var column = ColumnOf(items);
                _db.RegisterDataFrame(name, new DataFrame(column));
                break;
            default:
                throw new MagicException($"A {value.GetType().Name} cannot be shared into SQL kernel '{Name}': share a DataFrame (becomes a table), a sequence of numbers/text (a one-column table 'value') or a scalar (a DuckDB variable, read it with getvariable('{name}')).");
        }
        return Task.CompletedTask;
    }

    public override JsonObject? Complete(string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var start = LanguageReplies.WordStart(code, cursor);
        var prefix = code[start..cursor];
        var candidates = _db.TableNames()
            .Concat(_db.Columns().Select(c => c.Name))
            .Concat(_keywords)
            .Distinct(StringComparer.Ordinal)
            .Where(c => c.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        return LanguageReplies.Completion(candidates, start, cursor);
    }

    public override JsonObject? Inspect(string code, int cursor, int detailLevel)
    {
        var word = LanguageReplies.WordAt(code, Math.Clamp(cursor, 0, code.Length));
        var columns = _db.Columns().Where(c => string.Equals(c.Table, word, StringComparison.OrdinalIgnoreCase)).ToList();
        return LanguageReplies.Inspection(columns.Count == 0
            ? null
            : $"table {columns[0].Table}\n" + string.Join("\n", columns.Select(c => $"  {c.Name} {c.DataType}")));
    }

    public override void Dispose() => _db.Dispose();

    protected override DataFrame? Query(string sql) => _db.Query(sql);

    protected override string? QueryError(Exception e) => e is DuckDbQueryException ? e.Message : null;

    protected override IReadOnlyList<string> TableNames() => _db.TableNames();

    private string DuckDbVersion()
    {
        var frame = _db.Query("SELECT version()");
        return frame.Columns[0][0] as string ?? "?";
    }

    private static string Literal(object? value) => value switch
    {
        null => "NULL",
        bool b => b ? "TRUE" : "FALSE",
        string s => SqlText.QuoteLiteral(s),
        DateTime t => "TIMESTAMP " + SqlText.QuoteLiteral(t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f when IsNumber(f) => f.ToString(null, CultureInfo.InvariantCulture),
        IFormattable f => SqlText.QuoteLiteral(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => SqlText.QuoteLiteral(value.ToString() ?? ""),
    };

    private static bool IsNumber(object o) => o is byte or sbyte or short or ushort or int or uint or long or ulong or decimal;

    private static DataFrameColumn ColumnOf(List<object?> items)
    {
        if (items.All(i => i is null or byte or sbyte or short or ushort or int or uint or long))
        {
            return new Int64DataFrameColumn("value", items.Select(i => i is null ? (long?)null : Convert.ToInt64(i, CultureInfo.InvariantCulture)));
        }
        if (items.All(i => i is null or byte or sbyte or short or ushort or int or uint or long or float or double or decimal))
        {
            return new DoubleDataFrameColumn("value", items.Select(i => i is null ? (double?)null : Convert.ToDouble(i, CultureInfo.InvariantCulture)));
        }
        if (items.All(i => i is null or bool))
        {
            return new BooleanDataFrameColumn("value", items.Select(i => (bool?)i));
        }
        return new StringDataFrameColumn("value", items.Select(i => i is null ? null : Convert.ToString(i, CultureInfo.InvariantCulture)));
    }
}
