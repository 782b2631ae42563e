using MathNet.Numerics.LinearAlgebra;
using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Preparation;

/// <summary>
/// Exact principal component analysis, as scikit-learn's <c>PCA(svd_solver="full")</c>: centre the
/// data, take the thin SVD X − μ = U S Vᵀ (via a thin QR when rows ≥ columns, then the SVD of R,
/// using MathNet.Numerics), flip signs so the largest-magnitude entry of each column of U is
/// positive (scikit-learn's <c>svd_flip</c>), keep the first <see cref="Components"/> rows of Vᵀ.
/// Explained variance = S²/(n − 1); ratio = that over the sum across all components.
/// This is the estimator on a <see cref="FeatureMatrix"/> (e.g. a 2-D view of clusters); inside a
/// <see cref="PreparationPipeline"/> use <see cref="PcaStep"/>, which fits this on the frame's columns and is saved with
/// the pipeline.
/// </summary>
/// <param name="Components">Components to keep, 1 ≤ k ≤ min(rows, columns).</param>
public sealed record Pca(int Components)
{
    /// <summary>Fits the components on <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Components"/> is out of range for the data.</exception>
    public PcaModel Fit(FeatureMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int n = data.Rows, p = data.Columns;
        if (n < 2)
        {
            throw new ArgumentException($"PCA needs at least 2 rows; the data has {n}.", nameof(data));
        }

        if (Components < 1 || Components > Math.Min(n, p))
        {
            throw new ArgumentOutOfRangeException(nameof(Components), Components, $"Components must be between 1 and min(rows, columns) = {Math.Min(n, p)} for {n} rows × {p} columns ({string.Join(", ", data.ColumnNames)}).");
        }

        var mean = new double[p];
        for (var j = 0; j < p; j++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += data[i, j];
            }

            mean[j] = sum / n;
        }

        var x = Matrix<double>.Build.Dense(n, p, (i, j) => data[i, j] - mean[j]);
        Matrix<double> u;
        Vector<double> s;
        Matrix<double> vt;
        if (n >= p)
        {
            var qr = x.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
            var svd = qr.R.Svd(computeVectors: true);
            u = qr.Q * svd.U;
            s = svd.S;
            vt = svd.VT;
        }
        else
        {
            var svd = x.Svd(computeVectors: true);
            u = svd.U.SubMatrix(0, n, 0, n);
            s = svd.S;
            vt = svd.VT.SubMatrix(0, n, 0, p);
        }

        var count = s.Count;
        var components = new double[Components][];
        for (var k = 0; k < Components; k++)
        {
            // svd_flip (u-based): make the largest |U[:, k]| entry positive; argmax takes the first maximum.
            var best = 0;
            for (var i = 1; i < u.RowCount; i++)
            {
                if (Math.Abs(u[i, k]) > Math.Abs(u[best, k]))
                {
                    best = i;
                }
            }

            var sign = u[best, k] < 0 ? -1.0 : 1.0;
            components[k] = Enumerable.Range(0, p).Select(j => sign * vt[k, j]).ToArray();
        }

        var variances = Enumerable.Range(0, count).Select(k => s[k] * s[k] / (n - 1)).ToArray();
        var total = variances.Sum();
        return new PcaModel(
            data.ColumnNames.ToArray(),
            mean,
            components,
            variances.Take(Components).ToArray(),
            variances.Take(Components).Select(v => v / total).ToArray(),
            Enumerable.Range(0, Components).Select(k => s[k]).ToArray());
    }
}
