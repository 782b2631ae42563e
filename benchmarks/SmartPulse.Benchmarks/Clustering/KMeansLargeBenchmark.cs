using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using SmartPulse.Analysis.Clustering;
using SmartPulse.Analysis.Features;

namespace SmartPulse.Benchmarks.Clustering;

/// <summary>
/// KMeans on 1,000,000 × 8 uniform floats, k = 8, one k-means++ start, 30 Lloyd iterations (Tolerance 0), per engine.
/// scikit-learn side: benchmarks/python/kmeans_1m.py. Args: [runs] [engines: accelerated,mlnet,raw1,rawall,rawinit,setup] [float32 file] where raw1 and
/// rawall time ML.NET's trainer alone (no double-precision refinement) with one thread and with all threads, and rawinit
/// with one iteration (≈ its k-means++ initialisation).
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
        var engines = args.Length > 1
            ? args[1].Split(',')
            : ["accelerated", "mlnet", "raw1", "rawall"];
        // Optional third argument: raw row-major float32 rows written by benchmarks/python/kmeans_1m.py (same data).
        var data = args.Length > 2 ? BenchmarkData.ReadFloat32(args[2], 8) : BenchmarkData.UniformFloats(1_000_000, 8, seed: 1);
        Console.WriteLine($"data: {data.Rows} x {data.Columns} {(args.Length > 2 ? "from " + args[2] : "uniform, seed 1")}");
        foreach (var name in engines)
        {
            if (name.StartsWith("raw", StringComparison.Ordinal))
            {
                RunRawMlNet(data, runs, name == "rawall" ? null : 1, name == "rawinit" ? 1 : 30);
                continue;
            }

            // "setup": accelerated engine with one iteration, i.e. copy + k-means++ + 1 Lloyd pass (for a cost breakdown).
            var setupOnly = name == "setup";
            var engine = setupOnly ? KMeansEngine.Accelerated : Enum.Parse<KMeansEngine>(name, ignoreCase: true);
            var times = new List<double>();
            var inertias = new List<double>();
            var iterations = new List<int>();
            for (var r = 0; r <= runs; r++)
            {
                var options = new KMeansOptions { K = 8, Restarts = 1, MaxIterations = setupOnly ? 1 : 30, Tolerance = 0, Seed = r, Engine = engine };
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

    private static void RunRawMlNet(FeatureMatrix data, int runs, int? threads, int iterations)
    {
        var rows = Enumerable.Range(0, data.Rows).Select(i => new Row { Features = data.Row(i).ToArray().Select(v => (float)v).ToArray() }).ToArray();
        var times = new List<double>();
        var loadTimes = new List<double>();
        var inertias = new List<double>();
        for (var r = 0; r <= runs; r++)
        {
            var sw = Stopwatch.StartNew();
            var context = new MLContext(r);
            var schema = SchemaDefinition.Create(typeof(Row));
            schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, data.Columns);
            var view = context.Data.LoadFromEnumerable(rows, schema);
            var cached = context.Data.Cache(view);
            var load = sw.Elapsed.TotalSeconds;
            var trainer = context.Clustering.Trainers.KMeans(new KMeansTrainer.Options
            {
                NumberOfClusters = 8,
                InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
                MaximumNumberOfIterations = iterations,
                NumberOfThreads = threads,
            });
            var model = trainer.Fit(cached);
            var seconds = sw.Elapsed.TotalSeconds;
            VBuffer<float>[] centroids = [];
            model.Model.GetClusterCentroids(ref centroids, out var k);
            var centers = centroids.Select(c => c.DenseValues().Select(v => (double)v).ToArray()).ToArray();
            var inertia = 0.0;
            for (var i = 0; i < data.Rows; i++)
            {
                var row = data.Row(i);
                var best = double.PositiveInfinity;
                foreach (var c in centers)
                {
                    var s = 0.0;
                    for (var j = 0; j < row.Length; j++)
                    {
                        s += (row[j] - c[j]) * (row[j] - c[j]);
                    }

                    best = Math.Min(best, s);
                }

                inertia += best;
            }

            if (r == 0)
            {
                continue;
            }

            times.Add(seconds);
            loadTimes.Add(load);
            inertias.Add(inertia);
        }

        Console.WriteLine(
            $"ML.NET raw, threads={(threads?.ToString(CultureInfo.InvariantCulture) ?? "all")}, max iterations {iterations}: median {Median(times):F3} s (of which IDataView setup {Median(loadTimes):F3} s) over {runs} runs; " +
            $"inertia of its centroids median {Median(inertias):F1} (min {inertias.Min():F1}, max {inertias.Max():F1})");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
    }
}
