using SmartPulse.Analysis.Features;

namespace SmartPulse.Benchmarks.Clustering;

/// <summary>Seeded synthetic data for the clustering benchmarks.</summary>
internal static class BenchmarkData
{
    /// <summary>rows × columns uniform [0, 1) values rounded to float (like the scikit-learn side's float32 data).</summary>
    public static FeatureMatrix UniformFloats(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var values = new double[rows * columns];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)random.NextDouble();
        }

        return new FeatureMatrix(values, rows, Enumerable.Range(0, columns).Select(c => $"f{c}").ToArray());
    }

    /// <summary>Uniform random labels 0..k−1.</summary>
    public static int[] RandomLabels(int rows, int k, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows).Select(_ => random.Next(k)).ToArray();
    }
}
