using System.Globalization;
using Microsoft.Data.Analysis;
using SmartPulse.DuckDb;
using SmartPulse.Notebooks.Execution;
using SmartPulse.Notebooks.Kernels;

namespace SmartPulse.Benchmarks.Polyglot;

/// <summary>
/// <c>#!share</c> round trip of a 100,000-row DataFrame (id, segment, amount, quantity, active): C# → sql
/// (a DuckDB table through the appender) → C# (a DataFrame again), as two cells; median of 5 after a warm-up.
/// In the same run, the transfer alone (DataFrame → DuckDB table → DataFrame, no kernel) through the typed
/// columnar path SmartPulse.DuckDb uses now and through the boxed per-cell path it used before
/// (<see cref="BoxedShareBaseline"/>), on the same frame and database.
/// </summary>
public sealed class ShareRoundTripBenchmark : IBenchmark
{
    public string Name => "share-roundtrip-100k";

    public string Description => "#!share of a 100k-row DataFrame C# -> SQL -> C# (median of 5)";

    public void Run(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        using var kernel = new CompositeKernel(new CompositeKernelOptions { Session = new ScriptSessionOptions { References = [typeof(DataFrame).Assembly] } });
        Ok(kernel, $$"""
            var random = new Random(7);
            var n = {{rows}};
            var frame = new Microsoft.Data.Analysis.DataFrame(
                new Microsoft.Data.Analysis.Int64DataFrameColumn("id", Enumerable.Range(0, n).Select(i => (long)i)),
                new Microsoft.Data.Analysis.StringDataFrameColumn("segment", Enumerable.Range(0, n).Select(i => "s" + (i % 8))),
                new Microsoft.Data.Analysis.DoubleDataFrameColumn("amount", Enumerable.Range(0, n).Select(_ => random.NextDouble() * 500)),
                new Microsoft.Data.Analysis.Int32DataFrameColumn("quantity", Enumerable.Range(0, n).Select(i => i % 20)),
                new Microsoft.Data.Analysis.BooleanDataFrameColumn("active", Enumerable.Range(0, n).Select(i => i % 3 == 0)));
            """);
        var toSql = new List<double>();
        var back = new List<double>();
        var total = Timing.Median(5, () =>
        {
            var a = Ok(kernel, "#!sql\n#!share --from csharp frame");
            var b = Ok(kernel, "#!share --from sql frame --as roundTrip\nvar same = roundTrip.Rows.Count == frame.Rows.Count;");
            toSql.Add(a);
            back.Add(b);
        });
        if (!kernel.TryGetVariable("csharp", "same", out var same) || same is not true)
        {
            throw new InvalidOperationException("round trip lost rows");
        }
        toSql.Sort();
        back.Sort();
        Console.WriteLine($"{rows:N0} rows x 5 columns through the kernel (typed path): C# -> SQL median {toSql[toSql.Count / 2]:0.000} s, SQL -> C# median {back[back.Count / 2]:0.000} s, round trip median {total:0.000} s");

        kernel.TryGetVariable("csharp", "frame", out var value);
        var frame = (DataFrame)value!;
        using var db = DuckDbDatabase.OpenInMemory();
        var typed = Timing.Median(5, () => Check(frame, RoundTrip(frame, f => db.RegisterDataFrame("t", f), () => db.Query("SELECT * FROM t"))));
        var boxed = Timing.Median(5, () => Check(frame, RoundTrip(frame, f => BoxedShareBaseline.ToTable(db, "b", f), () => BoxedShareBaseline.Query(db, "SELECT * FROM b"))));
        Console.WriteLine($"transfer only, DataFrame -> DuckDB -> DataFrame: typed columnar median {typed:0.000} s, old boxed per-cell path median {boxed:0.000} s ({boxed / typed:0.0}x)");
    }

    private static int Active(DataFrame frame) => ((PrimitiveDataFrameColumn<bool>)frame.Columns["active"]).Count(b => b == true);

    private static DataFrame RoundTrip(DataFrame frame, Action<DataFrame> write, Func<DataFrame> read)
    {
        write(frame);
        return read();
    }

    private static void Check(DataFrame original, DataFrame copy)
    {
        // Same rows and the same sum of amounts (bit-identical doubles), same count of active rows.
        if (copy.Rows.Count != original.Rows.Count
            || (double)copy.Columns["amount"].Sum() != (double)original.Columns["amount"].Sum()
            || Active(copy) != Active(original))
        {
            throw new InvalidOperationException("the transfer changed the data");
        }
    }

    private static double Ok(CompositeKernel kernel, string code)
    {
        var r = kernel.ExecuteAsync(code).GetAwaiter().GetResult();
        return r.Succeeded ? r.Elapsed.TotalSeconds : throw new InvalidOperationException(r.ErrorSummary);
    }
}
