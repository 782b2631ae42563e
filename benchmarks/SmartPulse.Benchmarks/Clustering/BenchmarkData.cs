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

    /// <summary>Reads raw row-major float32 values (numpy's <c>tofile</c>) with <paramref name="columns"/> columns.</summary>
    public static FeatureMatrix ReadFloat32(string path, int columns)
    {
        var bytes = File.ReadAllBytes(path);
        var floats = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes);
        var values = new double[floats.Length];
        for (var i = 0; i < floats.Length; i++)
        {
            values[i] = floats[i];
        }

        return new FeatureMatrix(values, floats.Length / columns, Enumerable.Range(0, columns).Select(c => $"f{c}").ToArray());
    }
}
