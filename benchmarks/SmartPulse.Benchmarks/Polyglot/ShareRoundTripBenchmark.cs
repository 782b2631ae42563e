using System.Globalization;
using Microsoft.Data.Analysis;
using SmartPulse.Notebooks.Execution;
using SmartPulse.Notebooks.Kernels;

namespace SmartPulse.Benchmarks.Polyglot;

/// <summary>
/// <c>#!share</c> round trip of a 100,000-row DataFrame (id, segment, amount, quantity, active): C# → sql
/// (a DuckDB table through the appender) → C# (a DataFrame again), as two cells; median of 5 after a warm-up.
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
        Console.WriteLine($"{rows:N0} rows x 5 columns: C# -> SQL median {toSql[toSql.Count / 2]:0.000} s, SQL -> C# median {back[back.Count / 2]:0.000} s, round trip median {total:0.000} s");
    }

    private static double Ok(CompositeKernel kernel, string code)
    {
        var r = kernel.ExecuteAsync(code).GetAwaiter().GetResult();
        return r.Succeeded ? r.Elapsed.TotalSeconds : throw new InvalidOperationException(r.ErrorSummary);
    }
}
