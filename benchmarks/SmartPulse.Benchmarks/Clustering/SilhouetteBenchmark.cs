using System.Globalization;
using SmartPulse.Analysis.Evaluation;

namespace SmartPulse.Benchmarks.Clustering;

/// <summary>
/// Exact silhouette of 20,000 × 8 uniform floats with 8 random clusters (target ≤ 0.6 s; scikit-learn 1.2 ≈ 5.9 s:
/// benchmarks/python/silhouette_20k.py). Args: [runs] [rows].
/// </summary>
public sealed class SilhouetteBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "silhouette";

    /// <inheritdoc />
    public string Description => "exact silhouette, 20,000 x 8 floats, 8 clusters (sklearn: benchmarks/python/silhouette_20k.py)";

    /// <inheritdoc />
    public void Run(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
        var rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
        var data = BenchmarkData.UniformFloats(rows, 8, seed: 1);
        var labels = BenchmarkData.RandomLabels(rows, 8, seed: 2);
        var value = 0.0;
        var median = Timing.Median(runs, () => value = ClusterMetrics.Silhouette(data, labels));
        Console.WriteLine($"silhouette {rows}x8 k=8: median {median:F3} s over {runs} runs; value {value:F9}; GC total {GC.GetTotalAllocatedBytes() / 1e6:F0} MB allocated");
    }
}
