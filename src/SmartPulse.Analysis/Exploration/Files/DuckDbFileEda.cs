using System.Globalization;
using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Data;
using SmartPulse.DuckDb;

namespace SmartPulse.Analysis.Exploration.Files;

/// <summary>
/// EDA of a file computed inside the shared DuckDB engine (<see cref="DuckDbDatabase"/>, the one the SQL
/// cells use): DuckDB's multi-threaded reader feeds in-engine aggregates, so no DataFrame is built.
/// Numeric columns: <c>count</c>, <c>avg</c>, <c>stddev_samp</c> (ddof = 1), <c>min</c>, <c>max</c> and
/// <c>quantile_cont</c> (linear interpolation, as pandas) in ONE scan of the file; text and date columns:
/// count, distinct values and the most frequent value, ties to the first seen. Every method declines
/// (returns null with a reason) when DuckDB could not give the streaming reader's exact answer: a
/// reader error (ragged row, invalid UTF-8, a value that breaks the sniffed type late in the
/// file), a mostly numeric text column (its first non-numeric value and line come from the streaming
/// reader), or a column type the streaming reader treats differently.
/// </summary>
internal static class DuckDbFileEda
{
    private const string Quartiles = "[0.25, 0.5, 0.75]";

    /// <summary>The profile, or null and the reason DuckDB declined; <paramref name="progress"/> (bytes of the file, total) is called while DuckDB scans.</summary>
    public static FileProfile? TryProfile(DuckDbSource source, CsvOptions options, out string? reason, Action<long, long>? progress = null)
    {
        using var db = Open();
        using var tracking = new DuckDbProgress(db, new FileInfo(source.FullPath).Length, progress);
        if (Columns(db, source, out reason) is not { } columns)
        {
            return null;
        }

        var numeric = columns.Where(c => c.Kind is ColumnKind.Integer or ColumnKind.Double).ToList();
        var select = new List<string> { "count(*)" };
        foreach (var c in numeric)
        {
            var x = $"CAST({SqlText.QuoteIdentifier(c.Name)} AS DOUBLE)";
            select.Add($"count({x})");
            select.Add($"avg({x})");
            select.Add($"stddev_samp({x})");
            select.Add($"min({x})");
            select.Add($"max({x})");
            select.Add($"quantile_cont({x}, {Quartiles})");
        }

        var inner = string.Join(", ", select.Select((s, i) => $"{s} AS a{i}"));
        var outer = new List<string> { "a0" };
        for (var j = 0; j < numeric.Count; j++)
        {
            var b = 1 + (6 * j);
            outer.AddRange([$"a{b}", $"a{b + 1}", $"a{b + 2}", $"a{b + 3}", $"a{b + 4}", $"a{b + 5}[1]", $"a{b + 5}[2]", $"a{b + 5}[3]"]);
        }

        if (Run(db, $"SELECT {string.Join(", ", outer)} FROM (SELECT {inner} FROM {source.Table})", out reason) is not { } row)
        {
            return null;
        }

        var rows = Long(row, 0);
        var summaries = new List<NumericSummary>();
        var loaded = new Dictionary<string, LoadedColumn>(StringComparer.Ordinal);
        for (var j = 0; j < numeric.Count; j++)
        {
            var b = 1 + (8 * j);
            var count = Long(row, b);
            summaries.Add(new NumericSummary(numeric[j].Name, count, Double(row, b + 1), Double(row, b + 2), Double(row, b + 3),
                Double(row, b + 5), Double(row, b + 6), Double(row, b + 7), Double(row, b + 4)));
            loaded[numeric[j].Name] = new LoadedColumn(numeric[j].Name, numeric[j].Kind, false, rows - count);
        }

        var categorical = new List<CategoricalSummary>();
        var texts = columns.Where(c => c.Kind is ColumnKind.Text or ColumnKind.Date).ToList();
        if (texts.Count > 0)
        {
            if (TextSummaries(db, source, options, texts, out reason, out var numericTexts) is not { } summariesOfText)
            {
                // Text DuckDB sniffed where every value is a number (zero-padded ids, or numbers only after
                // the sniffed sample) is numeric for the streaming reader: read those columns as numbers.
                return numericTexts is { Count: > 0 } && source.IsText ? TryProfile(source.WithTypes(numericTexts), options, out reason, progress) : null;
            }

            foreach (var (c, s) in texts.Zip(summariesOfText))
            {
                categorical.Add(s);
                loaded[c.Name] = new LoadedColumn(c.Name, c.Kind, false, rows - s.Count);
            }
        }

        reason = null;
        return new FileProfile(source.FullPath, source.Delimiter, columns.Select(c => loaded[c.Name]).ToList(),
            new DescribeResult(rows, summaries, categorical), ProfileEngine.DuckDb, null);
    }

    /// <summary>Count, mean and median of <paramref name="valueColumns"/> per group, as <see cref="Eda.SummarizeBy"/>; null and the reason when DuckDB declines.</summary>
    public static GroupByResult? TrySummarizeBy(DuckDbSource source, CsvOptions options, string groupColumn, IReadOnlyList<string> valueColumns, out string? reason)
    {
        using var db = Open();
        if (Columns(db, source, out reason) is not { } columns)
        {
            return null;
        }

        var keyAt = columns.FindIndex(c => c.Name == groupColumn);
        var key = keyAt >= 0 ? columns[keyAt] : throw new ArgumentException($"Column '{groupColumn}' is not in {source.FullPath}. Columns: {string.Join(", ", columns.Select(c => c.Name))}.", nameof(groupColumn));
        foreach (var v in valueColumns)
        {
            var at = columns.FindIndex(c => c.Name == v);
            var c = at >= 0 ? columns[at] : throw new ArgumentException($"Column '{v}' is not in {source.FullPath}. Columns: {string.Join(", ", columns.Select(c => c.Name))}.", nameof(valueColumns));
            if (c.Kind is not (ColumnKind.Integer or ColumnKind.Double))
            {
                throw new ArgumentException($"Column '{v}' of {source.FullPath} holds {c.Kind.ToString().ToLowerInvariant()}, not numbers; group summaries need numeric value columns.", nameof(valueColumns));
            }
        }

        var k = SqlText.QuoteIdentifier(groupColumn);
        var keyExpr = key.Kind == ColumnKind.Text ? Clean(k, options) : k;
        var select = new List<string> { $"{keyExpr} AS k", "count(*) AS size" };
        foreach (var v in valueColumns)
        {
            var x = $"CAST({SqlText.QuoteIdentifier(v)} AS DOUBLE)";
            select.AddRange([$"count({x})", $"avg({x})", $"quantile_cont({x}, 0.5)"]);
        }

        var sql = $"SELECT {string.Join(", ", select)} FROM {source.Table} GROUP BY ALL ORDER BY k NULLS LAST";
        DataFrame frame;
        try
        {
            frame = db.Query(sql);
        }
        catch (DuckDbQueryException ex)
        {
            reason = "DuckDB could not read the file as the streaming reader does: " + FirstLine(ex.Message);
            return null;
        }

        var keys = FrameColumns.Text(frame.Columns[0]);
        var groups = new List<GroupSummary>();
        long missingKey = 0;
        for (var r = 0; r < frame.Rows.Count; r++)
        {
            if (keys[r] is not { } text)
            {
                missingKey += Convert.ToInt64(frame.Columns[1][r], CultureInfo.InvariantCulture);
                continue;
            }

            var stats = new Dictionary<string, GroupStats>(StringComparer.Ordinal);
            for (var v = 0; v < valueColumns.Count; v++)
            {
                var at = 2 + (3 * v);
                stats[valueColumns[v]] = new GroupStats(Convert.ToInt64(frame.Columns[at][r], CultureInfo.InvariantCulture),
                    FrameDouble(frame.Columns[at + 1][r]), FrameDouble(frame.Columns[at + 2][r]));
            }

            groups.Add(new GroupSummary(text, Convert.ToInt64(frame.Columns[1][r], CultureInfo.InvariantCulture), stats));
        }

        reason = null;
        return new GroupByResult(groupColumn, valueColumns.ToArray(), groups, missingKey);
    }

    private static DuckDbDatabase Open()
    {
        var db = DuckDbDatabase.OpenInMemory();
        if (Parallelism.MaxThreads is { } threads)
        {
            db.Execute($"SET threads = {threads.ToString(CultureInfo.InvariantCulture)}");
        }

        return db;
    }

    /// <summary>The columns and their kinds as DuckDB sniffs them; null when a column has a type the streaming reader reads differently.</summary>
    private static List<(string Name, ColumnKind Kind)>? Columns(DuckDbDatabase db, DuckDbSource source, out string? reason)
    {
        if (Run(db, $"DESCRIBE SELECT * FROM {source.Table}", out reason, all: true) is not { } frame)
        {
            return null;
        }

        var columns = new List<(string, ColumnKind)>();
        for (var r = 0; r < frame.Rows.Count; r++)
        {
            var name = (string)frame.Columns[0][r];
            var type = (string)frame.Columns[1][r];
            ColumnKind? kind = type switch
            {
                "BIGINT" or "INTEGER" or "SMALLINT" or "TINYINT" or "UBIGINT" or "UINTEGER" or "USMALLINT" or "UTINYINT" => ColumnKind.Integer,
                "DOUBLE" or "FLOAT" => ColumnKind.Double,
                "DATE" or "TIMESTAMP" => ColumnKind.Date,
                "VARCHAR" => ColumnKind.Text,
                _ => null,
            };
            if (kind is null)
            {
                reason = $"column '{name}' has type {type}, which the streaming reader reads (or refuses) itself";
                return null;
            }

            columns.Add((name, kind.Value));
        }

        if (columns.Select(c => c.Item1).Distinct(StringComparer.OrdinalIgnoreCase).Count() != columns.Count)
        {
            reason = "two columns differ only in case, which DuckDB cannot tell apart";
            return null;
        }

        return columns;
    }

    /// <summary>Text and date columns from one materialised copy of those columns (with row order kept for ties).</summary>
    private static List<CategoricalSummary>? TextSummaries(DuckDbDatabase db, DuckDbSource source, CsvOptions options, List<(string Name, ColumnKind Kind)> texts, out string? reason, out Dictionary<string, string>? numericTexts)
    {
        numericTexts = null;
        var select = texts.Select((c, i) => $"{(c.Kind == ColumnKind.Text ? Clean(SqlText.QuoteIdentifier(c.Name), options) : DateText(SqlText.QuoteIdentifier(c.Name)))} AS t{i}");
        try
        {
            db.Execute($"CREATE TEMP TABLE text_columns AS SELECT row_number() OVER () AS row_no, {string.Join(", ", select)} FROM {source.Table}");
        }
        catch (DuckDbQueryException ex)
        {
            reason = "DuckDB could not read the file as the streaming reader does: " + FirstLine(ex.Message);
            return null;
        }

        var result = new List<CategoricalSummary>();
        for (var i = 0; i < texts.Count; i++)
        {
            var t = "t" + i.ToString(CultureInfo.InvariantCulture);
            var counts = db.Query($"SELECT count({t}), count(DISTINCT {t}), count(TRY_CAST({t} AS DOUBLE)), count(*) FILTER (WHERE regexp_full_match(trim({t}), '[-+]?[0-9]+')) FROM text_columns");
            var present = Convert.ToInt64(counts.Columns[0][0], CultureInfo.InvariantCulture);
            var numbers = Convert.ToInt64(counts.Columns[2][0], CultureInfo.InvariantCulture);
            if (texts[i].Kind == ColumnKind.Text && present > 0 && numbers == present)
            {
                numericTexts ??= new Dictionary<string, string>(StringComparer.Ordinal);
                numericTexts[texts[i].Name] = Convert.ToInt64(counts.Columns[3][0], CultureInfo.InvariantCulture) == present ? "BIGINT" : "DOUBLE";
                continue;
            }

            if (texts[i].Kind == ColumnKind.Text && present > 0 && numbers * 2 >= present)
            {
                reason = $"column '{texts[i].Name}' is mostly numbers but holds text; the streaming reader names its first non-numeric value and line";
                return null;
            }

            var top = db.Query($"SELECT {t}, count(*) AS n, min(row_no) AS first FROM text_columns WHERE {t} IS NOT NULL GROUP BY {t} ORDER BY n DESC, first LIMIT 1");
            result.Add(new CategoricalSummary(texts[i].Name, present, Convert.ToInt64(counts.Columns[1][0], CultureInfo.InvariantCulture),
                top.Rows.Count == 0 ? null : (string)top.Columns[0][0], top.Rows.Count == 0 ? 0 : Convert.ToInt64(top.Columns[1][0], CultureInfo.InvariantCulture)));
        }

        if (numericTexts is not null)
        {
            reason = "columns sniffed as text hold only numbers";
            return null;
        }

        reason = null;
        return result;
    }

    /// <summary>A text cell as the streaming reader keeps it: whitespace-only cells and missing markers (after trimming) are null.</summary>
    private static string Clean(string column, CsvOptions options)
    {
        var markers = string.Join(", ", options.MissingMarkers.Append("").Distinct().Order(StringComparer.Ordinal).Select(SqlText.QuoteLiteral));
        return $"CASE WHEN trim({column}) IN ({markers}) THEN NULL ELSE {column} END";
    }

    /// <summary>A date or timestamp as the DataFrame path writes it: <c>yyyy-MM-dd</c>, plus <c>HH:mm:ss</c> when the time is not midnight.</summary>
    private static string DateText(string column) =>
        $"CASE WHEN CAST({column} AS TIMESTAMP) = date_trunc('day', CAST({column} AS TIMESTAMP)) THEN strftime(CAST({column} AS TIMESTAMP), '%Y-%m-%d') ELSE strftime(CAST({column} AS TIMESTAMP), '%Y-%m-%d %H:%M:%S') END";

    private static DataFrame? Run(DuckDbDatabase db, string sql, out string? reason, bool all = false)
    {
        try
        {
            var frame = db.Query(sql);
            reason = null;
            return all || frame.Rows.Count == 1 ? frame : null;
        }
        catch (DuckDbQueryException ex)
        {
            reason = "DuckDB could not read the file as the streaming reader does: " + FirstLine(ex.Message);
            return null;
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private static long Long(DataFrame row, int column) => Convert.ToInt64(row.Columns[column][0], CultureInfo.InvariantCulture);

    private static double Double(DataFrame row, int column) => FrameDouble(row.Columns[column][0]);

    private static double FrameDouble(object? value) => value is null ? double.NaN : Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
