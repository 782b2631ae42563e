using System.Globalization;
using SmartPulse.Analysis.Clustering;

namespace SmartPulse.Benchmarks.Clustering;

/// <summary>
/// Exact Ward (full tree + cut at 8) and DBSCAN (eps 0.4, MinPoints 16) on 20,000 × 8 uniform floats.
/// scikit-learn side: benchmarks/python/ward_dbscan_20k.py. Args: [runs] [rows].
/// </summary>
public sealed class WardDbscanBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "ward-dbscan";

    /// <inheritdoc />
    public string Description => "Ward tree and DBSCAN, 20,000 x 8 floats (sklearn: benchmarks/python/ward_dbscan_20k.py)";

    /// <inheritdoc />
    public void Run(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
        var data = BenchmarkData.UniformFloats(rows, 8, seed: 1);
        WardModel? ward = null;
        var wardTime = Timing.Median(runs, () => ward = new Ward(new WardOptions { K = 8 }).Fit(data));
        Console.WriteLine($"ward   {rows}x8: median {wardTime:F3} s over {runs} runs; top merge height {ward!.Merges[^1].Height:F4}; sizes {string.Join("/", ward.Sizes.OrderDescending())}");
        DbscanModel? dbscan = null;
        var dbscanTime = Timing.Median(runs, () => dbscan = new Dbscan(new DbscanOptions { Eps = 0.4, MinPoints = 16 }).Fit(data));
        Console.WriteLine($"dbscan {rows}x8: median {dbscanTime:F3} s over {runs} runs; clusters {dbscan!.ClusterCount}, noise {dbscan.NoiseCount}");
    }
}
