using System.Globalization;
using SmartPulse.Analysis.Clustering;

namespace SmartPulse.Benchmarks.Clustering;

/// <summary>
/// KMeans (k = 8, default 10 restarts) on 200 … 100,000 rows × 8 uniform doubles, against scikit-learn's side at the
/// same sizes: benchmarks/python/kmeans_sizes.py. Args: [runs] [sizes, comma-separated].
/// </summary>
public sealed class KMeansSizesBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "kmeans-sizes";

    /// <inheritdoc />
    public string Description => "KMeans k=8, 10 restarts, 200..100,000 x 8 rows (sklearn: benchmarks/python/kmeans_sizes.py)";

    /// <inheritdoc />
    public void Run(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var sizes = args.Length > 1
            ? args[1].Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray()
            : [200, 2_000, 5_000, 10_000, 20_000, 100_000];
        foreach (var n in sizes)
        {
            var random = new Random(0);
            var values = Enumerable.Range(0, n * 8).Select(_ => random.NextDouble()).ToArray();
            var data = new Analysis.Features.FeatureMatrix(values, n, Enumerable.Range(0, 8).Select(c => $"f{c}").ToArray());
            var inertia = 0.0;
            var median = Timing.Median(runs, () => inertia = new KMeans(new KMeansOptions { K = 8 }).Fit(data).Inertia);
            Console.WriteLine($"n={n,7} kmeans       median {median * 1000,8:F1} ms; inertia {inertia:F4}");
        }
    }
}
