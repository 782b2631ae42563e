using System.Globalization;
using System.Text.Json;

namespace SmartPulse.Benchmarks.Scale;

/// <summary>
/// <c>smartpulse profile --engine duckdb</c>, <c>profile --engine stream</c> and pandas <c>read_csv</c> +
/// <c>describe()</c> + missing counts on the same file, interleaved in one run (each a separate process
/// under <c>/usr/bin/time -v</c>): median wall time and peak RSS of each, their ratios to pandas, and the
/// largest relative difference between each engine's printed numbers and pandas'.
/// </summary>
public static class ProfileComparison
{
    private static readonly string[] Stats = ["count", "mean", "std", "min", "25%", "50%", "75%", "max"];
    private static readonly string[] Keys = ["count", "mean", "std", "min", "p25", "p50", "p75", "max"];

    /// <summary>Runs the comparison <paramref name="runs"/> times and prints medians and ratios.</summary>
    public static void Run(string cli, string file, string pandasScript, int runs, bool withPandas)
    {
        var duck = new List<Measured>();
        var stream = new List<Measured>();
        var pandas = new List<Measured>();
        for (var i = 0; i < runs; i++)
        {
            duck.Add(Measured.Run("dotnet", cli, "profile", file, "--engine", "duckdb", "--json"));
            stream.Add(Measured.Run("dotnet", cli, "profile", file, "--engine", "stream", "--json"));
            if (withPandas)
            {
                pandas.Add(Measured.Run("/usr/bin/python3", pandasScript, file));
            }
        }

        Print("profile --engine duckdb", duck, pandas);
        Print("profile --engine stream", stream, pandas);
        if (withPandas)
        {
            Print("pandas describe+isna", pandas, []);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  duckdb vs stream: wall ratio {Med(duck, m => m.Seconds) / Med(stream, m => m.Seconds):0.00}, memory ratio {Med(duck, m => m.PeakGb) / Med(stream, m => m.PeakGb):0.00}"));
            Console.WriteLine($"  numbers vs pandas: duckdb max relative difference {MaxDifference(duck[0].Output, pandas[0].Output)}, stream {MaxDifference(stream[0].Output, pandas[0].Output)}");
        }

        Console.WriteLine($"  engines reported: {Engine(duck[0].Output)}, {Engine(stream[0].Output)}");
    }

    private static double Med(List<Measured> m, Func<Measured, double> f) => Measured.Median(m.Select(f));

    private static void Print(string task, List<Measured> ours, List<Measured> pandas)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{task,-26} {Med(ours, m => m.Seconds),7:0.00} s {Med(ours, m => m.PeakGb),5:0.00} GB  (runs: {string.Join(" ", ours.Select(m => m.Seconds.ToString("0.00", CultureInfo.InvariantCulture)))} s)");
        if (pandas.Count > 0)
        {
            line += string.Create(CultureInfo.InvariantCulture,
                $" | vs pandas: wall ratio {Med(ours, m => m.Seconds) / Med(pandas, m => m.Seconds):0.00}, memory ratio {Med(ours, m => m.PeakGb) / Med(pandas, m => m.PeakGb):0.00}");
        }

        Console.WriteLine(line);
    }

    private static string Engine(string json)
    {
        try
        {
            var root = JsonDocument.Parse(json).RootElement;
            return root.GetProperty("engine").GetString() + (root.GetProperty("engine_note").GetString() is { } note ? $" ({note})" : "");
        }
        catch (JsonException)
        {
            return "(no JSON output)";
        }
    }

    /// <summary>The largest relative difference over every column's count, mean, std, min, quartiles, max and missing count.</summary>
    private static string MaxDifference(string oursJson, string pandasJson)
    {
        try
        {
            var ours = JsonDocument.Parse(oursJson).RootElement.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
            var theirs = JsonDocument.Parse(pandasJson).RootElement.GetProperty("columns");
            var worst = 0.0;
            var where = "";
            foreach (var column in theirs.EnumerateObject())
            {
                var mine = ours[column.Name];
                for (var k = 0; k < Stats.Length; k++)
                {
                    var a = column.Value.GetProperty(Stats[k]).GetDouble();
                    var b = mine.GetProperty(Keys[k]).GetDouble();
                    var d = Math.Abs(a - b) / Math.Max(Math.Abs(a), 1e-300);
                    if (d > worst)
                    {
                        (worst, where) = (d, $"{column.Name} {Stats[k]}: pandas {a:R}, smartpulse {b:R}");
                    }
                }

                if (column.Value.GetProperty("missing").GetInt64() != mine.GetProperty("missing").GetInt64())
                {
                    return $"missing count of {column.Name} differs";
                }
            }

            return string.Create(CultureInfo.InvariantCulture, $"{worst:E1}{(where.Length > 0 ? " (" + where + ")" : "")}");
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "not comparable (" + ex.Message + ")";
        }
    }
}
