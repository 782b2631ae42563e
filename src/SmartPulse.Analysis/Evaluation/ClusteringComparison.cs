using SmartPulse.Analysis.Clustering;
using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Evaluation;

/// <summary>
/// Side-by-side comparison of clusterings of the same rows (e.g. KMeans, Ward and DBSCAN): one row each with every
/// metric and the adjusted Rand index against the first one, ready for a table.
/// Usage: <c>ClusteringComparison.Compare(x, kmeans.ToResult(x), ward.ToResult(x), dbscan.ToResult(x))</c>.
/// </summary>
public static class ClusteringComparison
{
    /// <summary>Scores every clustering on <paramref name="data"/> and compares each with the first.</summary>
    /// <param name="data">The matrix all clusterings were fitted on.</param>
    /// <param name="results">At least one clustering of the same rows.</param>
    public static IReadOnlyList<ComparisonRow> Compare(FeatureMatrix data, params ClusteringResult[] results)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(results);
        if (results.Length == 0)
        {
            throw new ArgumentException("Pass at least one clustering result.", nameof(results));
        }

        foreach (var r in results)
        {
            if (r.Labels.Count != data.Rows)
            {
                throw new ArgumentException($"The {r.Algorithm} result labels {r.Labels.Count} rows but the data has {data.Rows}; compare clusterings of the same rows.", nameof(results));
            }
        }

        var reference = results[0].Labels;
        return results.Select(r => new ComparisonRow(
            r.Algorithm,
            string.Join(", ", r.Parameters.Select(p => $"{p.Key}={p.Value}")),
            r.Score(data),
            ClusterMetrics.AdjustedRandIndex(reference, r.Labels))).ToArray();
    }
}
