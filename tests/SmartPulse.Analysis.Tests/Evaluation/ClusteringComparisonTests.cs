using SmartPulse.Analysis.Clustering;
using SmartPulse.Analysis.Evaluation;
using SmartPulse.Analysis.Tests.TestSupport;

namespace SmartPulse.Analysis.Tests.Evaluation;

public class ClusteringComparisonTests
{
    [Fact]
    public void Kmeans_ward_and_dbscan_compare_side_by_side()
    {
        var x = MallCustomersCsv.Matrix(MallCustomersCsv.Income, MallCustomersCsv.Score);
        var kmeans = new KMeans(new KMeansOptions { K = 5 }).Fit(x).ToResult(x);
        var ward = new Ward(new WardOptions { K = 5 }).Fit(x).ToResult(x);
        var dbscan = new Dbscan(new DbscanOptions { Eps = 9, MinPoints = 5 }).Fit(x).ToResult(x);
        var rows = ClusteringComparison.Compare(x, kmeans, ward, dbscan);
        Assert.Equal(["kmeans", "ward", "dbscan"], rows.Select(r => r.Algorithm));
        Assert.Equal(1.0, rows[0].AriToReference);

        // Debian python3-sklearn 1.2.1: w = AgglomerativeClustering(n_clusters=5, linkage="ward").fit(X).labels_;
        // k = KMeans(n_clusters=5, n_init=10, random_state=0).fit(X).labels_;
        // silhouette_score(X, k), silhouette_score(X, w), adjusted_rand_score(k, w)
        Assert.Equal(0.553931997444648, rows[0].Scores.Silhouette!.Value, 1e-6);
        Assert.Equal(0.5529945955148897, rows[1].Scores.Silhouette!.Value, 1e-6);
        Assert.Equal(0.9419606318143182, rows[1].AriToReference, 1e-9);
        Assert.Equal(23, rows[2].Scores.NoiseCount);
        Assert.Equal(6, rows[2].Scores.ClusterCount);
        Assert.Contains("eps=9", rows[2].Parameters);
    }
}
