using System.Diagnostics;
using System.Globalization;
using SmartPulse.Analysis.Clustering;

namespace SmartPulse.Benchmarks.Clustering;

/// <summary>
/// KMeans on 1,000,000 × 8 uniform floats, k = 8, one k-means++ start, 30 Lloyd iterations (Tolerance 0), against
/// scikit-learn's side: benchmarks/python/kmeans_1m.py. Args: [runs] [modes: kmeans,setup] [float32 file]. Mode
/// <c>kmeans</c> is the full fit (<c>accelerated</c>, its name before the ML.NET engine was removed, still runs it under
/// that label so <c>benchmarks/scripts/compare-commits.sh</c> can time older commits beside this one); <c>setup</c> is one
/// iteration, i.e. copy + k-means++ + one Lloyd pass (for a cost breakdown).
/// </summary>
public sealed class KMeansLargeBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "kmeans-1m";

    /// <inheritdoc />
    public string Description => "KMeans 1,000,000 x 8 floats, k=8, 1 start, 30 iterations (sklearn: benchmarks/python/kmeans_1m.py)";

    /// <inheritdoc />
    public void Run(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var modes = args.Length > 1 ? args[1].Split(',') : ["kmeans"];
        // Optional third argument: raw row-major float32 rows written by benchmarks/python/kmeans_1m.py (same data).
        var data = args.Length > 2 ? BenchmarkData.ReadFloat32(args[2], 8) : BenchmarkData.UniformFloats(1_000_000, 8, seed: 1);
        Console.WriteLine($"data: {data.Rows} x {data.Columns} {(args.Length > 2 ? "from " + args[2] : "uniform, seed 1")}");
        foreach (var name in modes)
        {
            if (name is not ("kmeans" or "accelerated" or "setup"))
            {
                throw new ArgumentException($"Unknown kmeans-1m mode '{name}'; valid: kmeans, setup (accelerated = kmeans).", nameof(args));
            }

            var setupOnly = name == "setup";
            var times = new List<double>();
            var inertias = new List<double>();
            var iterations = new List<int>();
            for (var r = 0; r <= runs; r++)
            {
                var options = new KMeansOptions { K = 8, Restarts = 1, MaxIterations = setupOnly ? 1 : 30, Tolerance = 0, Seed = r };
                var sw = Stopwatch.StartNew();
                var model = new KMeans(options).Fit(data);
                var seconds = sw.Elapsed.TotalSeconds;
                if (r == 0)
                {
                    continue; // warm-up
                }

                times.Add(seconds);
                inertias.Add(model.Inertia);
                iterations.Add(model.Iterations);
            }

            Console.WriteLine(
                $"{name,-12} median {Median(times):F3} s over {runs} runs (all: {string.Join(", ", times.Select(t => t.ToString("F3", CultureInfo.InvariantCulture)))}); " +
                $"inertia median {Median(inertias):F1} (min {inertias.Min():F1}, max {inertias.Max():F1}); iterations [{string.Join(", ", iterations)}]");
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
