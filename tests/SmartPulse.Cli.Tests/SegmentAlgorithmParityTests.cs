using System.Globalization;
using System.Text.Json;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Evaluation;
using SmartPulse.Analysis.Samples;

namespace SmartPulse.Cli.Tests;

/// <summary>
/// <c>smartpulse segment --algorithm ward|dbscan</c> on Mall's two spending columns (standardised: the default
/// <c>--scale standard</c>) against scikit-learn 1.2.1 (Debian python3-sklearn): every row's label (ARI 1, noise rows
/// at the same positions), cluster sizes, noise count, inertia, silhouette, Calinski–Harabasz and Davies–Bouldin.
/// </summary>
/// <remarks>
/// The expected values were computed once, from the repository root, with:
/// <code>
/// import numpy as np, pandas as pd
/// from sklearn.preprocessing import StandardScaler
/// from sklearn.cluster import AgglomerativeClustering, DBSCAN
/// from sklearn.metrics import silhouette_score, calinski_harabasz_score, davies_bouldin_score
/// X = StandardScaler().fit_transform(pd.read_csv("data/Mall_Customers.csv")[["Annual Income (k$)", "Spending Score (1-100)"]])
/// w = AgglomerativeClustering(n_clusters=5, linkage="ward").fit_predict(X)
/// print("".join(map(str, w)), sorted(np.bincount(w)), silhouette_score(X, w), calinski_harabasz_score(X, w), davies_bouldin_score(X, w))
/// print(sum(((X[w == c] - X[w == c].mean(0)) ** 2).sum() for c in range(5)))
/// d = DBSCAN(eps=0.3, min_samples=5).fit_predict(X); m = d >= 0
/// print("".join("n" if v &lt; 0 else str(v) for v in d), (d &lt; 0).sum(), sorted(np.bincount(d[m])),
///       silhouette_score(X[m], d[m]), calinski_harabasz_score(X[m], d[m]), davies_bouldin_score(X[m], d[m]))
/// print(sum(((X[d == c] - X[d == c].mean(0)) ** 2).sum() for c in range(d.max() + 1)))
/// </code>
/// Output: Ward sizes [21, 23, 32, 39, 85], silhouette 0.553809, CH 244.410326, DB 0.577862, inertia 66.516504;
/// DBSCAN 35 noise rows, sizes [5, 7, 9, 12, 14, 30, 88], on the non-noise rows silhouette 0.524328, CH 185.575811,
/// DB 0.579955, inertia 29.946064. The label strings are the constants below (one character per row, n = noise).
/// </remarks>
public sealed class SegmentAlgorithmParityTests : IDisposable
{
    private const string MallFeatures = "Annual Income (k$),Spending Score (1-100)";

    private const string SklearnWard =
        "43434343434343434343434343434343434343434342422222222222222222222222222222222222222222222222222222222222222222222222222222212121010121010101012101210101010101012101010101010101010101010101010101010101";

    private const string SklearnDbscan =
        "2010201n10nnn010202n2010nn2n2nn0nnnnn0n03n3333333333333333333333333333333333333333333333333333333333333333333333333333333334343454543454545454345434545454545454345464646n6464646464n464nnnnnnnnnnnnnnnn";

    private readonly string _dir = Directory.CreateTempSubdirectory("smartpulse-algorithms-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Ward_matches_scikit_learn_row_for_row()
    {
        var (root, labels) = Segment("ward.csv", "--k", "5", "--algorithm", "ward");
        Assert.Equal("ward", root.GetProperty("algorithm").GetString());
        Assert.Equal(5, root.GetProperty("k").GetInt32());
        Assert.Equal(0, root.GetProperty("noise").GetInt32());
        Assert.Equal([21, 23, 32, 39, 85], Sizes(root));
        Assert.Equal(66.516504, root.GetProperty("inertia").GetDouble(), 6);
        Assert.Equal(0.553809, root.GetProperty("silhouette").GetDouble(), 6);
        Assert.Equal(244.410326, root.GetProperty("calinski_harabasz").GetDouble(), 6);
        Assert.Equal(0.577862, root.GetProperty("davies_bouldin").GetDouble(), 6);

        var expected = Labels(SklearnWard);
        Assert.Equal(200, labels.Count);
        Assert.Equal(1.0, ClusterMetrics.AdjustedRandIndex(expected, labels), 12);
    }

    [Fact]
    public void Dbscan_matches_scikit_learn_row_for_row_with_the_same_noise_rows()
    {
        var (root, labels) = Segment("dbscan.csv", "--algorithm", "dbscan", "--eps", "0.3", "--min-points", "5");
        Assert.Equal("dbscan", root.GetProperty("algorithm").GetString());
        Assert.Equal(7, root.GetProperty("k").GetInt32());
        Assert.Equal(35, root.GetProperty("noise").GetInt32());
        Assert.Equal([5, 7, 9, 12, 14, 30, 88], Sizes(root));
        Assert.Equal(29.946064, root.GetProperty("inertia").GetDouble(), 6);
        Assert.Equal(0.524328, root.GetProperty("silhouette").GetDouble(), 6);
        Assert.Equal(185.575811, root.GetProperty("calinski_harabasz").GetDouble(), 6);
        Assert.Equal(0.579955, root.GetProperty("davies_bouldin").GetDouble(), 6);
        Assert.Contains(root.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("35 noise rows (label -1)", StringComparison.Ordinal));

        var expected = Labels(SklearnDbscan);
        Assert.Equal(200, labels.Count);
        var noise = Enumerable.Range(0, 200).Where(i => expected[i] == -1).ToList();
        Assert.Equal(noise, Enumerable.Range(0, 200).Where(i => labels[i] == -1));
        var clustered = Enumerable.Range(0, 200).Where(i => expected[i] != -1).ToList();
        Assert.Equal(1.0, ClusterMetrics.AdjustedRandIndex(clustered.Select(i => expected[i]).ToList(), clustered.Select(i => labels[i]).ToList()), 12);
    }

    /// <summary>Runs segment with --json and --out; returns the JSON and the Segment column of the written CSV.</summary>
    private (JsonElement Root, List<int> Labels) Segment(string outName, params string[] options)
    {
        var output = Path.Combine(_dir, outName);
        var (exit, stdout, stderr) = CliRunner.Run(["segment", Datasets.Mall.Path, "--features", MallFeatures, .. options, "--json", "--out", output]);
        Assert.True(exit == 0, stderr);
        var lines = File.ReadAllLines(output);
        var segment = Array.IndexOf(lines[0].Split(','), "Segment");
        Assert.True(segment >= 0, lines[0]);
        var labels = lines.Skip(1).Select(l => int.Parse(l.Split(',')[segment], CultureInfo.InvariantCulture)).ToList();
        return (JsonDocument.Parse(stdout).RootElement.Clone(), labels);
    }

    private static IEnumerable<int> Sizes(JsonElement root) =>
        root.GetProperty("sizes").EnumerateArray().Select(e => e.GetInt32()).Order();

    private static List<int> Labels(string sklearn) => [.. sklearn.Select(c => c == 'n' ? -1 : c - '0')];
}
