using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Preparation;

/// <summary>A fitted PCA: components (rows, unit length), the training mean and explained variance.</summary>
/// <param name="FeatureNames">The input columns, in order.</param>
/// <param name="Mean">Per-feature training mean μ.</param>
/// <param name="Components">k × p principal axes (rows of Vᵀ after sign flipping).</param>
/// <param name="ExplainedVariance">Variance along each axis: S²/(n − 1).</param>
/// <param name="ExplainedVarianceRatio">Share of the total variance per axis (0–1).</param>
/// <param name="SingularValues">The singular values S of the kept components.</param>
public sealed record PcaModel(
    IReadOnlyList<string> FeatureNames,
    IReadOnlyList<double> Mean,
    IReadOnlyList<IReadOnlyList<double>> Components,
    IReadOnlyList<double> ExplainedVariance,
    IReadOnlyList<double> ExplainedVarianceRatio,
    IReadOnlyList<double> SingularValues)
{
    /// <summary>Names of the output columns: PC1..PCk.</summary>
    public IReadOnlyList<string> ComponentNames => Enumerable.Range(1, Components.Count).Select(i => $"PC{i}").ToArray();

    /// <summary>Projects rows: Z = (X − μ) Vₖᵀ.</summary>
    /// <exception cref="ArgumentException">The data has a different number of columns.</exception>
    public FeatureMatrix Transform(FeatureMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Columns != FeatureNames.Count)
        {
            throw new ArgumentException($"PCA was fitted on {FeatureNames.Count} columns ({string.Join(", ", FeatureNames)}) but the data has {data.Columns} ({string.Join(", ", data.ColumnNames)}).", nameof(data));
        }

        var k = Components.Count;
        var result = new double[data.Rows * k];
        for (var i = 0; i < data.Rows; i++)
        {
            var row = data.Row(i);
            for (var c = 0; c < k; c++)
            {
                var sum = 0.0;
                var axis = Components[c];
                for (var j = 0; j < row.Length; j++)
                {
                    sum += (row[j] - Mean[j]) * axis[j];
                }

                result[(i * k) + c] = sum;
            }
        }

        return new FeatureMatrix(result, data.Rows, ComponentNames);
    }

    /// <summary>Maps projected rows back: X̂ = Z Vₖ + μ (exact when k = p).</summary>
    /// <exception cref="ArgumentException">The data does not have k columns.</exception>
    public FeatureMatrix InverseTransform(FeatureMatrix projected)
    {
        ArgumentNullException.ThrowIfNull(projected);
        var k = Components.Count;
        if (projected.Columns != k)
        {
            throw new ArgumentException($"Expected {k} component columns, got {projected.Columns}.", nameof(projected));
        }

        var p = FeatureNames.Count;
        var result = new double[projected.Rows * p];
        for (var i = 0; i < projected.Rows; i++)
        {
            for (var j = 0; j < p; j++)
            {
                var sum = Mean[j];
                for (var c = 0; c < k; c++)
                {
                    sum += projected[i, c] * Components[c][j];
                }

                result[(i * p) + j] = sum;
            }
        }

        return new FeatureMatrix(result, projected.Rows, FeatureNames);
    }
}
