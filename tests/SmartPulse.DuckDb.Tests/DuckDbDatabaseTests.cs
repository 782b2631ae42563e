using Microsoft.Data.Analysis;
using SmartPulse.DuckDb;

namespace SmartPulse.DuckDb.Tests;

public sealed class DuckDbDatabaseTests
{
    private static DataFrame Toy() => new(
        new StringDataFrameColumn("Genre", ["Male", "Female", "Female", null]),
        new Int32DataFrameColumn("Age", [19, 21, 20, 23]),
        new DoubleDataFrameColumn("Score", [39.0, 81.5, null, 77.0]),
        new BooleanDataFrameColumn("Vip", [true, false, true, false]),
        new DateTimeDataFrameColumn("Joined", [new DateTime(2024, 1, 2), null, new DateTime(2024, 3, 4, 5, 6, 7), new DateTime(2023, 12, 31)]));

    [Fact]
    public void Registered_frame_round_trips_with_types_and_nulls()
    {
        using var db = DuckDbDatabase.OpenInMemory();
        db.RegisterDataFrame("customers", Toy());
        var back = db.Query("SELECT * FROM customers");
        Assert.Equal(["Genre", "Age", "Score", "Vip", "Joined"], back.Columns.Select(c => c.Name));
        Assert.IsType<StringDataFrameColumn>(back.Columns["Genre"]);
        Assert.IsType<Int32DataFrameColumn>(back.Columns["Age"]);
        Assert.IsType<DoubleDataFrameColumn>(back.Columns["Score"]);
        Assert.IsType<BooleanDataFrameColumn>(back.Columns["Vip"]);
        Assert.IsType<DateTimeDataFrameColumn>(back.Columns["Joined"]);
        Assert.Equal(4, back.Rows.Count);
        Assert.Null(back.Columns["Genre"][3]);
        Assert.Null(back.Columns["Score"][2]);
        Assert.Null(back.Columns["Joined"][1]);
        Assert.Equal(81.5, back.Columns["Score"][1]);
        Assert.Equal(new DateTime(2024, 3, 4, 5, 6, 7), back.Columns["Joined"][2]);
    }

    [Fact]
    public void Typed_transfer_keeps_nulls_across_buffer_growth_and_the_result_stays_editable()
    {
        // 1,000 rows, every 7th null: 143 nulls (0, 7, ..., 994); the others sum to 499,500 - (0 + 7 + ... + 994) = 499,500 - 71,071 = 428,429.
        var values = Enumerable.Range(0, 1000).Select(i => i % 7 == 0 ? (long?)null : i).ToList();
        using var db = DuckDbDatabase.OpenInMemory();
        db.RegisterDataFrame("t", new DataFrame(new Int64DataFrameColumn("v", values), new StringDataFrameColumn("s", values.Select(v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        Assert.Equal(428_429L, db.Query("SELECT SUM(v) FROM t").Columns[0][0]);
        var back = db.Query("SELECT v, s FROM t ORDER BY rowid");
        var v = Assert.IsType<Int64DataFrameColumn>(back.Columns["v"]);
        Assert.Equal(143, v.NullCount);
        Assert.Equal(values, v);
        Assert.Equal(values.Select(x => x?.ToString(System.Globalization.CultureInfo.InvariantCulture)), back.Columns["s"].Cast<string?>());
        v[0] = 5;
        v[1] = null;
        Assert.Equal(5L, v[0]);
        Assert.Null(v[1]);
        Assert.Equal(143, v.NullCount); // row 0 no longer null, row 1 now null
    }

    [Fact]
    public void Group_by_sums_are_hand_checked_and_hugeint_becomes_long()
    {
        using var db = DuckDbDatabase.OpenInMemory();
        db.RegisterDataFrame("customers", Toy());
        var g = db.Query("SELECT Genre, COUNT(*) AS n, SUM(Age) AS age_sum, AVG(Score) AS mean_score FROM customers WHERE Genre IS NOT NULL GROUP BY Genre ORDER BY Genre");
        Assert.Equal(["Female", "Male"], g.Columns["Genre"].Cast<string>());
        Assert.Equal([2L, 1L], g.Columns["n"].Cast<long?>().Select(v => v!.Value));
        // SUM(INTEGER) is HUGEINT in DuckDB: 21 + 20 = 41 and 19.
        Assert.IsType<Int64DataFrameColumn>(g.Columns["age_sum"]);
        Assert.Equal([41L, 19L], g.Columns["age_sum"].Cast<long?>().Select(v => v!.Value));
        // AVG ignores the null: Female has only 81.5.
        Assert.Equal([81.5, 39.0], g.Columns["mean_score"].Cast<double?>().Select(v => v!.Value));
    }

    [Fact]
    public void Queries_csv_files_and_lists_tables_and_columns()
    {
        var csv = Path.Combine(RepoRoot(), "data", "Mall_Customers.csv");
        using var db = DuckDbDatabase.OpenInMemory();
        db.Execute($"CREATE VIEW mall AS SELECT * FROM read_csv_auto({SqlText.QuoteLiteral(csv)})");
        var n = db.Query("SELECT COUNT(*) AS n, SUM(\"Annual Income (k$)\") AS income FROM mall");
        Assert.Equal(200L, n.Columns["n"][0]);
        Assert.Equal(12112L, n.Columns["income"][0]);
        Assert.Equal(["mall"], db.TableNames());
        Assert.Contains(db.Columns(), c => c.Table == "mall" && c.Name == "Genre" && c.DataType == "VARCHAR");
    }

    [Fact]
    public void Syntax_error_carries_duckdb_message_and_position()
    {
        using var db = DuckDbDatabase.OpenInMemory();
        var e = Assert.Throws<DuckDbQueryException>(() => db.Query("SELECT 1\nFROM range(3) WHER x > 1"));
        Assert.Contains("Parser Error", e.Message);
        Assert.Equal(2, e.Line);
        Assert.Equal(20, e.Column);
        Assert.Contains("line 2, column 20", e.Message);
    }

    [Fact]
    public void Unknown_table_names_it()
    {
        using var db = DuckDbDatabase.OpenInMemory();
        var e = Assert.Throws<DuckDbQueryException>(() => db.Query("SELECT * FROM nothere"));
        Assert.Contains("nothere", e.Message);
        Assert.Equal(1, e.Line);
        Assert.Equal(15, e.Column);
    }

    [Fact]
    public void Multi_statement_returns_last_result_and_file_database_persists()
    {
        var file = Path.Combine(Path.GetTempPath(), "smartpulse-duck-" + Environment.ProcessId + ".duckdb");
        File.Delete(file);
        try
        {
            using (var db = DuckDbDatabase.Open(file))
            {
                var r = db.Query("CREATE TABLE t AS SELECT range AS i FROM range(5); SELECT SUM(i) AS s FROM t");
                Assert.Equal(10L, r.Columns["s"][0]);
            }
            using (var again = DuckDbDatabase.Open(file, readOnly: true))
            {
                Assert.Equal(5L, again.Query("SELECT COUNT(*) FROM t").Columns[0][0]);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Duplicate_result_names_are_suffixed_and_bad_columns_are_explained()
    {
        using var db = DuckDbDatabase.OpenInMemory();
        var r = db.Query("SELECT 1 AS a, 2 AS a");
        Assert.Equal(["a", "a_1"], r.Columns.Select(c => c.Name));
        var frame = new DataFrame(new PrimitiveDataFrameColumn<TimeSpan>("wait", [TimeSpan.Zero]));
        var e = Assert.Throws<DuckDbQueryException>(() => db.RegisterDataFrame("w", frame));
        Assert.Contains("'wait'", e.Message);
        Assert.Contains("TimeSpan", e.Message);
        var missing = Assert.Throws<DuckDbQueryException>(() => DuckDbDatabase.Open("/nonexistent/x.duckdb", readOnly: true));
        Assert.Contains("does not exist", missing.Message);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SmartPulse.Notebooks.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("repo root not found above " + AppContext.BaseDirectory);
    }
}
