using SmartPulse.Analysis.Evaluation;
using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Segmentation;

/// <summary>
/// Cluster metrics on a column-major matrix without copying it: up to 30,000 rows exactly
/// <see cref="ClusterScores.Compute"/>; above, Calinski–Harabasz and Davies–Bouldin in two exact
/// passes (cluster means from the labels, then within-cluster sums) and the silhouette on a seeded
/// sample of 30,000 rows.
/// </summary>
internal static class ColumnarScores
{
    public static ClusterScores Compute(double[] matrix, int n, int d, int[] labels, double[] centers, int k, double inertia, int seed)
    {
        var names = Enumerable.Range(0, d).Select(j => $"f{j}").ToArray();
        if (n <= ClusterScores.DefaultExactSilhouetteLimit)
        {
            return ClusterScores.Compute(ColumnarSegmenter.SampleRows(matrix, n, names, n, seed), labels, seed: seed);
        }

        var counts = new long[k];
        var means = new double[k * d];
        foreach (var l in labels)
        {
            counts[l]++;
        }

        var overall = new double[d];
        for (var j = 0; j < d; j++)
        {
            var col = matrix.AsSpan(j * n, n);
            for (var r = 0; r < n; r++)
            {
                means[(labels[r] * d) + j] += col[r];
                overall[j] += col[r];
            }

            overall[j] /= n;
        }

        for (var c = 0; c < k; c++)
        {
            for (var j = 0; j < d; j++)
            {
                means[(c * d) + j] = counts[c] == 0 ? 0 : means[(c * d) + j] / counts[c];
            }
        }

        var warnings = new List<string>();
        var used = counts.Count(c => c > 0);
        double? ch = null;
        double? db = null;
        if (used >= 2 && used < n)
        {
            var within = 0.0;
            var spread = new double[k];
            var sq = new double[n];
            for (var j = 0; j < d; j++)
            {
                var col = matrix.AsSpan(j * n, n);
                for (var r = 0; r < n; r++)
                {
                    var diff = col[r] - means[(labels[r] * d) + j];
                    sq[r] += diff * diff;
                }
            }

            for (var r = 0; r < n; r++)
            {
                within += sq[r];
                spread[labels[r]] += Math.Sqrt(sq[r]);
            }

            var between = 0.0;
            for (var c = 0; c < k; c++)
            {
                for (var j = 0; j < d; j++)
                {
                    var diff = means[(c * d) + j] - overall[j];
                    between += counts[c] * diff * diff;
                }
            }

            ch = within == 0 ? 1.0 : between * (n - used) / (within * (used - 1));
            var total = 0.0;
            for (var a = 0; a < k; a++)
            {
                if (counts[a] == 0)
                {
                    continue;
                }

                var worst = 0.0;
                for (var b = 0; b < k; b++)
                {
                    if (b == a || counts[b] == 0)
                    {
                        continue;
                    }

                    var dist = 0.0;
                    for (var j = 0; j < d; j++)
                    {
                        var diff = means[(a * d) + j] - means[(b * d) + j];
                        dist += diff * diff;
                    }

                    var ratio = (spread[a] / counts[a] + spread[b] / counts[b]) / Math.Sqrt(dist);
                    worst = Math.Max(worst, double.IsFinite(ratio) ? ratio : 0);
                }

                total += worst;
            }

            db = total / used;
        }
        else
        {
            warnings.Add($"Calinski–Harabasz and Davies–Bouldin need 2 ≤ clusters < rows; got {used} clusters.");
        }

        var sample = SampleIndexes(n, ClusterScores.DefaultExactSilhouetteLimit, seed);
        var values = new double[sample.Length * d];
        for (var i = 0; i < sample.Length; i++)
        {
            for (var j = 0; j < d; j++)
            {
                values[(i * d) + j] = matrix[(j * n) + sample[i]];
            }
        }

        var sampled = ClusterScores.Compute(new FeatureMatrix(values, sample.Length, names), sample.Select(i => labels[i]).ToArray(), seed: seed);
        warnings.Add($"The silhouette is computed on a seeded sample of {sample.Length} of {n} rows; Calinski–Harabasz and Davies–Bouldin on all rows.");
        return new ClusterScores(used, n, 0, inertia, sampled.Silhouette, sample.Length, ch, db, warnings);
    }

    private static int[] SampleIndexes(int n, int size, int seed)
    {
        var random = new Random(seed);
        var set = new HashSet<int>();
        while (set.Count < size)
        {
            set.Add(random.Next(n));
        }

        return [.. set.Order()];
    }
}
