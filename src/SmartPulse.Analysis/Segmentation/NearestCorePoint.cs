using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Segmentation;

/// <summary>DBSCAN's extension to new rows: the cluster of the nearest core point within <see cref="Eps"/>, else noise (−1).</summary>
/// <param name="CorePoints">The training core points, in model space.</param>
/// <param name="CoreLabels">The cluster of each core point.</param>
/// <param name="Eps">The neighbourhood radius.</param>
public sealed record NearestCorePoint(IReadOnlyList<IReadOnlyList<double>> CorePoints, IReadOnlyList<int> CoreLabels, double Eps) : SegmentAssigner
{
    /// <inheritdoc />
    public override int[] Assign(FeatureMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var labels = new int[data.Rows];
        var points = CorePoints.Select(p => p.ToArray()).ToArray();
        var eps2 = Eps * Eps;
        for (var i = 0; i < data.Rows; i++)
        {
            var row = data.Row(i);
            var best = double.PositiveInfinity;
            labels[i] = -1;
            for (var c = 0; c < points.Length; c++)
            {
                var d = DistanceKernel.Squared(row, points[c]);
                if (d <= eps2 && d < best)
                {
                    best = d;
                    labels[i] = CoreLabels[c];
                }
            }
        }

        return labels;
    }
}
