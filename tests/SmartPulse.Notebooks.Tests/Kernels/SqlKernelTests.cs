using Microsoft.Data.Analysis;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Execution;
using SmartPulse.Notebooks.Kernels;

namespace SmartPulse.Notebooks.Tests.Kernels;

public sealed class SqlKernelTests
{
    private static CompositeKernel NewKernel(string? baseDir = null) => new(new CompositeKernelOptions
    {
        Session = new ScriptSessionOptions { BaseDirectory = baseDir, References = [typeof(DataFrame).Assembly] },
    });

    private static async Task<CellExecutionResult> Ok(CompositeKernel k, string code, string? kernel = null)
    {
        var r = await k.ExecuteAsync(code, kernelName: kernel);
        Assert.True(r.Succeeded, r.ErrorSummary);
        return r;
    }

    [Fact]
    public async Task Dataframe_from_csharp_is_a_table_and_group_by_comes_back_as_dataframe()
    {
        using var k = NewKernel();
        await Ok(k, """
            using Microsoft.Data.Analysis;
            var customers = new DataFrame(
                new StringDataFrameColumn("Genre", new[] { "Male", "Female", "Female", "Male", "Female" }),
                new Int32DataFrameColumn("Age", new[] { 19, 21, 20, 23, 31 }),
                new DoubleDataFrameColumn("Score", new[] { 39.0, 81.0, 6.0, 77.0, 40.0 }));
            """);
        var r = await Ok(k, "#!sql --name byGenre\n#!share --from csharp customers\nSELECT Genre, COUNT(*) AS n, AVG(Score) AS mean_score FROM customers GROUP BY Genre ORDER BY Genre");
        var table = r.Outputs.Single();
        Assert.Equal("Genre   n  mean_score\n------  -  ----------------\nFemale  3  42.3333333333333\nMale    2  58\n(2 rows)", table.PlainText());
        Assert.StartsWith("<table><thead><tr><th>Genre</th><th>n</th><th>mean_score</th></tr></thead>", table.Data["text/html"]!.GetValue<string>());
        await Ok(k, "#!share --from sql byGenre\nvar females = (long)byGenre.Columns[\"n\"][0];");
        Assert.True(k.TryGetVariable("csharp", "females", out var females));
        Assert.Equal(3L, females);
        // A table is a variable too.
        await Ok(k, "#!share --from sql customers --as back\nvar backRows = back.Rows.Count;");
        Assert.True(k.TryGetVariable("csharp", "backRows", out var rows));
        Assert.Equal(5L, rows);
        Assert.Equal("byGenre\tcustomers", (await Ok(k, "#!sql\n#!who")).Outputs.Single().PlainText());
    }

    [Fact]
    public async Task Queries_csv_files_relative_to_the_notebook()
    {
        var data = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../data"));
        using var k = NewKernel(data);
        var old = Environment.CurrentDirectory;
        Environment.CurrentDirectory = data;
        try
        {
            var r = await Ok(k, "#!sql\nSELECT Genre, COUNT(*) AS n FROM read_csv_auto('Mall_Customers.csv') GROUP BY Genre ORDER BY Genre");
            Assert.Equal("Genre   n\n------  ---\nFemale  112\nMale    88\n(2 rows)", r.Outputs.Single().PlainText());
        }
        finally
        {
            Environment.CurrentDirectory = old;
        }
    }

    [Fact]
    public async Task Sql_error_shows_duckdb_message_and_cell_position()
    {
        using var k = NewKernel();
        var r = await k.ExecuteAsync("#!sql\nSELECT 1\nFROM range(3) WHER range > 1");
        Assert.Equal(CellStatus.Error, r.Status);
        Assert.Equal("SqlError", r.Error!.ErrorName);
        Assert.Contains("Parser Error: syntax error at or near \"range\"", r.Error.ErrorValue);
        // Line 3 of the cell (the #!sql line counts), column 20.
        Assert.Contains("(SQL line 3, column 20)", r.Error.ErrorValue);
    }

    [Fact]
    public async Task Scalars_and_arrays_share_into_sql()
    {
        using var k = NewKernel();
        await Ok(k, "var limit = 2; var xs = new[] { 3.5, 1.5, 2.0 };");
        var r = await Ok(k, "#!sql\n#!share --from csharp limit\n#!share --from csharp xs\nSELECT SUM(value) AS s, getvariable('limit') AS lim FROM xs");
        Assert.Equal("s  lim\n-  ---\n7  2\n(1 row)", r.Outputs.Single().PlainText());
    }

    [Fact]
    public async Task Connect_duckdb_adds_a_named_kernel_on_a_file()
    {
        using var files = new TestFiles();
        using var k = NewKernel(files.Root);
        var c = await Ok(k, "#!connect duckdb --kernel-name shop --path shop.duckdb");
        Assert.StartsWith("Kernel added: #!shop (SQL (DuckDB v", c.Outputs.Single().PlainText());
        await Ok(k, "#!shop\nCREATE TABLE orders AS SELECT range AS id, range * 10 AS amount FROM range(4)");
        var r = await Ok(k, "#!shop\nSELECT SUM(amount) AS total FROM orders");
        Assert.Equal("total\n-----\n60\n(1 row)", r.Outputs.Single().PlainText());
        Assert.True(File.Exists(files.PathOf("shop.duckdb")));
        var dup = await k.ExecuteAsync("#!connect duckdb --kernel-name shop");
        Assert.Contains("already exists", dup.Error!.ErrorValue);
    }

    [Fact]
    public async Task Completion_offers_tables_and_columns()
    {
        using var k = NewKernel();
        await Ok(k, "#!sql\nCREATE TABLE customers AS SELECT 1 AS customer_id, 'x' AS city");
        var reply = k.Complete("#!sql\nSELECT cust", "#!sql\nSELECT cust".Length);
        var matches = reply["matches"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.Equal(["customer_id", "customers"], matches);
        Assert.Equal(13, reply["cursor_start"]!.GetValue<int>());
        var inspect = k.Inspect("#!sql\nSELECT * FROM customers", 20, 0);
        Assert.Equal("table customers\n  customer_id INTEGER\n  city VARCHAR", inspect["data"]!["text/plain"]!.GetValue<string>());
    }
}
