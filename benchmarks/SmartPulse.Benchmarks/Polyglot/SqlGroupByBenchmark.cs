using System.Diagnostics;
using System.Globalization;
using System.Text;
using SmartPulse.Notebooks.Kernels;

namespace SmartPulse.Benchmarks.Polyglot;

/// <summary>
/// A SQL group-by over a 5,000,000-row CSV through the <c>sql</c> subkernel (DuckDB), against pandas
/// (<c>read_csv</c> + <c>groupby().agg()</c>, Debian's python3-pandas) on the same file, medians of 3.
/// The CSV (id, segment, region, amount, quantity; seeded) is generated once, at the path given as the second
/// argument (e.g. /work/bigdata/groupby-5m.csv, shared between runs) or under the temp folder, and reused.
/// </summary>
public sealed class SqlGroupByBenchmark : IBenchmark
{
    private const string Query = "SELECT segment, region, COUNT(*) AS n, AVG(amount) AS mean_amount, SUM(quantity) AS units FROM read_csv_auto('{0}') GROUP BY segment, region ORDER BY segment, region";

    public string Name => "sql-groupby-5m";

    public string Description => "SQL group-by over a 5M-row CSV: sql subkernel (DuckDB) vs pandas (median of 3)";

    public void Run(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000_000;
        var csv = args.Length > 1 ? Path.GetFullPath(args[1]) : Path.Combine(Path.GetTempPath(), $"smartpulse-bench-groupby-{rows}.csv");
        if (!File.Exists(csv))
        {
            Generate(csv, rows);
        }
        Console.WriteLine($"data: {csv} ({rows:N0} rows, {new FileInfo(csv).Length / 1e6:0} MB)");

        using var kernel = new CompositeKernel();
        var cell = "#!sql\n" + string.Format(CultureInfo.InvariantCulture, Query, csv);
        string? table = null;
        var duck = Timing.Median(3, () =>
        {
            var r = kernel.ExecuteAsync(cell).GetAwaiter().GetResult();
            table = r.Succeeded ? r.Outputs.Single().PlainText() : throw new InvalidOperationException(r.ErrorSummary);
        });
        Console.WriteLine($"sql subkernel (DuckDB): median {duck:0.000} s");
        Console.WriteLine("result: " + table!.Split('\n')[^1]);

        var script = Path.Combine(AppContext.BaseDirectory, "sql_groupby.py");
        File.WriteAllText(script, """
            import sys, time, statistics, pandas as pd
            times = []
            for _ in range(4):
                t = time.perf_counter()
                df = pd.read_csv(sys.argv[1])
                g = df.groupby(["segment", "region"]).agg(n=("id", "size"), mean_amount=("amount", "mean"), units=("quantity", "sum")).reset_index()
                times.append(time.perf_counter() - t)
            print(f"{statistics.median(times[1:]):.3f} {len(g)}")
            """);
        var python = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, UseShellExecute = false };
        python.ArgumentList.Add(script);
        python.ArgumentList.Add(csv);
        using var process = Process.Start(python)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        var pandas = double.Parse(output.Split(' ')[0], CultureInfo.InvariantCulture);
        Console.WriteLine($"pandas read_csv + groupby: median {pandas:0.000} s ({output.Split(' ')[1]} groups)");
        Console.WriteLine($"speed-up: {pandas / duck:0.0}x");
    }

    private static void Generate(string path, int rows)
    {
        var random = new Random(13);
        string[] segments = ["Champions", "Loyal", "Potential", "New", "Promising", "At risk", "Hibernating", "Lost"];
        string[] regions = ["North", "South", "East", "West"];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 20))
        {
            writer.Write("id,segment,region,amount,quantity\n");
            for (var i = 0; i < rows; i++)
            {
                writer.Write(i.ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(segments[random.Next(segments.Length)]);
                writer.Write(',');
                writer.Write(regions[random.Next(regions.Length)]);
                writer.Write(',');
                writer.Write((random.NextDouble() * 500).ToString("0.00", CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(random.Next(1, 20).ToString(CultureInfo.InvariantCulture));
                writer.Write('\n');
            }
        }
        File.Move(temp, path, overwrite: true);
    }
}
