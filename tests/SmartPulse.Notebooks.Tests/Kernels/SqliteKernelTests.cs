using Microsoft.Data.Analysis;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Execution;
using SmartPulse.Notebooks.Kernels;

namespace SmartPulse.Notebooks.Tests.Kernels;

public sealed class SqliteKernelTests
{
    private static async Task<CellExecutionResult> Ok(CompositeKernel k, string code)
    {
        var r = await k.ExecuteAsync(code);
        Assert.True(r.Succeeded, r.ErrorSummary);
        return r;
    }

    [Fact]
    public async Task Connected_sqlite_file_queries_shows_a_table_and_shares_results_back_to_csharp()
    {
        using var files = new TestFiles();
        using var k = new CompositeKernel(new CompositeKernelOptions
        {
            Session = new ScriptSessionOptions { BaseDirectory = files.Root, References = [typeof(DataFrame).Assembly] },
        });
        var added = await Ok(k, "#!connect sqlite --kernel-name shop --connection-string \"Data Source=shop.db\"");
        Assert.StartsWith("Kernel added: #!shop (SQLite 3.", added.Outputs.Single().PlainText());
        Assert.EndsWith($"{Path.Combine(files.Root, "shop.db")}))", added.Outputs.Single().PlainText());

        await Ok(k, """
            #!shop
            CREATE TABLE orders (customer TEXT, amount REAL, items INTEGER);
            INSERT INTO orders VALUES ('ann', 10.5, 1), ('bob', 4, 2), ('ann', 1.5, 3), ('cy', NULL, 1);
            """);
        // Hand-computed: ann 10.5 + 1.5 = 12, 4 items; bob 4, 2 items; cy no amount, 1 item.
        var r = await Ok(k, "#!shop --name totals\nSELECT customer, SUM(amount) AS spent, SUM(items) AS items FROM orders GROUP BY customer ORDER BY customer");
        var table = r.Outputs.Single();
        Assert.Equal("customer  spent  items\n--------  -----  -----\nann       12     4\nbob       4      2\ncy               1\n(3 rows)", table.PlainText());
        Assert.StartsWith("<table><thead><tr><th>customer</th><th>spent</th><th>items</th></tr></thead>", table.Data["text/html"]!.GetValue<string>());

        await Ok(k, "#!share --from shop totals\nvar annSpent = (double)totals.Columns[\"spent\"][0]; var bobItems = (long)totals.Columns[\"items\"][1]; var cySpent = totals.Columns[\"spent\"][2];");
        Assert.True(k.TryGetVariable("csharp", "annSpent", out var ann));
        Assert.Equal(12.0, ann);
        Assert.True(k.TryGetVariable("csharp", "bobItems", out var bob));
        Assert.Equal(2L, bob);
        Assert.True(k.TryGetVariable("csharp", "cySpent", out var cy));
        Assert.Null(cy);

        // A whole table is a variable too; the types come from all values (NULL in a REAL column stays a double column).
        await Ok(k, "#!share --from shop orders\nvar rows = orders.Rows.Count; var amountType = orders.Columns[\"amount\"].DataType.Name;");
        Assert.True(k.TryGetVariable("csharp", "rows", out var rows));
        Assert.Equal(4L, rows);
        Assert.True(k.TryGetVariable("csharp", "amountType", out var amountType));
        Assert.Equal("Double", amountType);

        var who = await Ok(k, "#!shop\n#!who");
        Assert.Equal("totals\torders", who.Outputs.Single().PlainText());
    }

    [Fact]
    public async Task Sqlite_errors_name_the_problem()
    {
        using var k = new CompositeKernel();
        await Ok(k, "#!connect sqlite --kernel-name lite --connection-string \"Data Source=:memory:\"");
        var bad = await k.ExecuteAsync("#!lite\nSELECT * FROM nope");
        Assert.Equal(CellStatus.Error, bad.Status);
        Assert.Equal("SqlError", bad.Error!.ErrorName);
        Assert.Equal("SQLite Error 1: 'no such table: nope'. (kernel lite)", bad.Error.ErrorValue);

        var noSource = await k.ExecuteAsync("#!connect sqlite --kernel-name x --connection-string \"Mode=Memory\"");
        Assert.Contains("names no Data Source", noSource.Error!.ErrorValue);
        var noString = await k.ExecuteAsync("#!connect sqlite --kernel-name y");
        Assert.Contains("needs --connection-string", noString.Error!.ErrorValue);
        var into = await k.ExecuteAsync("#!lite\n#!set --name n --value 3");
        Assert.Contains("does not take shared values", into.Error!.ErrorValue);
    }
}
