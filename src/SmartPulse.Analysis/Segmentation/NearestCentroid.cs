using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Segmentation;

/// <summary>Labels a row with its nearest centroid (squared Euclidean distance; ties go to the lower id).</summary>
/// <param name="Centroids">Segment × feature, in model space.</param>
public sealed record NearestCentroid(IReadOnlyList<IReadOnlyList<double>> Centroids) : SegmentAssigner
{
    /// <inheritdoc />
    public override int[] Assign(FeatureMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var labels = new int[data.Rows];
        var points = Centroids.Select(p => p.ToArray()).ToArray();
        for (var i = 0; i < data.Rows; i++)
        {
            var row = data.Row(i);
            var best = double.PositiveInfinity;
            for (var c = 0; c < points.Length; c++)
            {
                var d = DistanceKernel.Squared(row, points[c]);
                if (d < best)
                {
                    best = d;
                    labels[i] = c;
                }
            }
        }

        return labels;
    }
}
