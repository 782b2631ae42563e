using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Features;
using SmartPulse.Analysis.Samples;

namespace SmartPulse.Analysis.Tests.Autoencoder;

/// <summary>Mall's Age / Annual Income / Spending Score, standardised here with the population std (ddof = 0, as StandardScaler).</summary>
internal static class MallStandardised
{
    public static readonly string[] Columns = ["Age", "Annual Income (k$)", "Spending Score (1-100)"];

    private static readonly Lazy<FeatureMatrix> _matrix = new(Build);

    public static FeatureMatrix Matrix => _matrix.Value;

    private static FeatureMatrix Build()
    {
        var frame = Datasets.Mall.Load();
        var columns = Columns.Select(c => FrameColumns.Numeric(FrameColumns.Get(frame, c)).Select(v => v!.Value).ToArray()).ToArray();
        var rows = columns[0].Length;
        var values = new double[rows * columns.Length];
        for (var j = 0; j < columns.Length; j++)
        {
            var mean = columns[j].Average();
            var std = Math.Sqrt(columns[j].Select(v => (v - mean) * (v - mean)).Sum() / rows);
            for (var r = 0; r < rows; r++)
            {
                values[(r * columns.Length) + j] = (columns[j][r] - mean) / std;
            }
        }

        return new FeatureMatrix(values, rows, Columns);
    }
}
