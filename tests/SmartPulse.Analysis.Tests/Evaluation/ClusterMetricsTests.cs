using SmartPulse.Analysis.Evaluation;
using SmartPulse.Analysis.Features;
using SmartPulse.Analysis.Tests.TestSupport;

namespace SmartPulse.Analysis.Tests.Evaluation;

public class ClusterMetricsTests
{
    private const double Rel = 1e-6;

    // Two tight pairs on a line: {0, 1} and {4, 5}.
    private static readonly FeatureMatrix _line = FeatureMatrix.FromRows([[0.0], [1.0], [4.0], [5.0]], ["x"]);
    private static readonly int[] _lineLabels = [0, 0, 1, 1];

    /// <summary>
    /// Rule-based labels (no clustering algorithm needed to reproduce them):
    /// income band (&lt;40, &lt;70, else) + 3 × score band (&lt;40, &lt;60, else); 8 labels occur.
    /// numpy: np.where(inc &lt; 40, 0, np.where(inc &lt; 70, 1, 2)) + 3*np.where(sc &lt; 40, 0, np.where(sc &lt; 60, 1, 2))
    /// </summary>
    private static int[] BandLabels()
    {
        var m = MallCustomersCsv.Matrix(MallCustomersCsv.Income, MallCustomersCsv.Score);
        return Enumerable.Range(0, m.Rows).Select(r =>
        {
            var inc = m[r, 0];
            var sc = m[r, 1];
            return (inc < 40 ? 0 : inc < 70 ? 1 : 2) + (3 * (sc < 40 ? 0 : sc < 60 ? 1 : 2));
        }).ToArray();
    }

    private static void AssertRel(double expected, double actual, double rel = Rel)
    {
        Assert.True(Math.Abs(expected - actual) <= rel * Math.Max(1e-300, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
    }

    [Fact]
    public void Toy_line_matches_hand_computation()
    {
        // s(0) = (4.5 − 1)/4.5, s(1) = (3.5 − 1)/3.5, symmetric for 4 and 5.
        var samples = ClusterMetrics.SilhouetteSamples(_line, _lineLabels);
        AssertRel(3.5 / 4.5, samples[0], 1e-12);
        AssertRel(2.5 / 3.5, samples[1], 1e-12);
        AssertRel(2.5 / 3.5, samples[2], 1e-12);
        AssertRel(3.5 / 4.5, samples[3], 1e-12);
        AssertRel(((3.5 / 4.5) + (2.5 / 3.5)) / 2, ClusterMetrics.Silhouette(_line, _lineLabels), 1e-12);

        // Centroids 0.5 and 4.5, grand mean 2.5: B = 2·4 + 2·4 = 16, W = 4 · 0.25 = 1, CH = (16/1)·(4−2)/(2−1) = 32.
        AssertRel(32, ClusterMetrics.CalinskiHarabasz(_line, _lineLabels), 1e-12);

        // s_A = s_B = 0.5, centroid distance 4: DB = (0.5 + 0.5)/4 = 0.25.
        AssertRel(0.25, ClusterMetrics.DaviesBouldin(_line, _lineLabels), 1e-12);
        AssertRel(1, ClusterMetrics.Inertia(_line, _lineLabels), 1e-12);
    }

    [Fact]
    public void Singleton_cluster_has_silhouette_zero_and_labels_can_be_any_integers()
    {
        var data = FeatureMatrix.FromRows([[0.0], [1.0], [10.0]], ["x"]);
        var samples = ClusterMetrics.SilhouetteSamples(data, [7, 7, -1]);
        Assert.Equal(0, samples[2]);

        // row 0: a = 1, b = 10 → 0.9; row 1: a = 1, b = 9 → 8/9.
        AssertRel(0.9, samples[0], 1e-12);
        AssertRel(8.0 / 9.0, samples[1], 1e-12);
    }

    [Fact]
    public void Invalid_label_counts_are_rejected_with_the_valid_range()
    {
        var ex = Assert.Throws<ArgumentException>(() => ClusterMetrics.Silhouette(_line, [0, 0, 0, 0]));
        Assert.Contains("2 to rows − 1 = 3", ex.Message);
        Assert.Throws<ArgumentException>(() => ClusterMetrics.CalinskiHarabasz(_line, [0, 1, 2, 3]));
        var lengthError = Assert.Throws<ArgumentException>(() => ClusterMetrics.DaviesBouldin(_line, [0, 1]));
        Assert.Contains("4 rows", lengthError.Message);
    }

    [Fact]
    public void Mall_income_score_band_labels_match_scikit_learn()
    {
        // Expected values: Debian python3-sklearn 1.2.1:
        //   df = pd.read_csv("data/Mall_Customers.csv"); X = df[["Annual Income (k$)", "Spending Score (1-100)"]].to_numpy(float)
        //   inc, sc = X[:,0], X[:,1]; lab = <BandLabels rule above>
        //   silhouette_score(X, lab), calinski_harabasz_score(X, lab), davies_bouldin_score(X, lab)
        //   s = silhouette_samples(X, lab); s[[0,1,2,50,199]], s.min(), s.max()
        var x = MallCustomersCsv.Matrix(MallCustomersCsv.Income, MallCustomersCsv.Score);
        var labels = BandLabels();
        AssertRel(0.2630768409223923, ClusterMetrics.Silhouette(x, labels));
        AssertRel(141.51122392481778, ClusterMetrics.CalinskiHarabasz(x, labels));
        AssertRel(0.8959277336995193, ClusterMetrics.DaviesBouldin(x, labels));
        var s = ClusterMetrics.SilhouetteSamples(x, labels);
        AssertRel(-0.913018228711658, s[0]);
        AssertRel(0.6014317489480916, s[1]);
        AssertRel(0.38999782555956414, s[2]);
        AssertRel(0.252493096785041, s[50]);
        AssertRel(0.29909819122983716, s[199]);
        AssertRel(-0.913018228711658, s.Min());
        AssertRel(0.6482072319241813, s.Max());
    }

    [Fact]
    public void Mall_id_modulo_labels_give_negative_silhouette_like_scikit_learn()
    {
        // lab2 = df["CustomerID"].to_numpy() % 4
        //   silhouette_score(X, lab2), calinski_harabasz_score(X, lab2), davies_bouldin_score(X, lab2)
        var x = MallCustomersCsv.Matrix(MallCustomersCsv.Income, MallCustomersCsv.Score);
        var labels = MallCustomersCsv.Ids.Select(id => id % 4).ToArray();
        AssertRel(-0.0437144662791599, ClusterMetrics.Silhouette(x, labels));
        AssertRel(22.78390709094563, ClusterMetrics.CalinskiHarabasz(x, labels));
        AssertRel(27.91792509565925, ClusterMetrics.DaviesBouldin(x, labels));

        // adjusted_rand_score(lab, lab2)
        AssertRel(0.11759469512280066, ClusterMetrics.AdjustedRandIndex(BandLabels(), labels));
    }

    [Fact]
    public void Mall_standardised_three_features_match_scikit_learn()
    {
        // X3 = df[["Age","Annual Income (k$)","Spending Score (1-100)"]].to_numpy(float); Z = (X3 - X3.mean(0)) / X3.std(0)
        // silhouette_score(Z, lab), calinski_harabasz_score(Z, lab), davies_bouldin_score(Z, lab)
        var z = MallCustomersCsv.Standardised(MallCustomersCsv.Age, MallCustomersCsv.Income, MallCustomersCsv.Score);
        var labels = BandLabels();
        AssertRel(0.10420052215053122, ClusterMetrics.Silhouette(z, labels));
        AssertRel(47.090808596560805, ClusterMetrics.CalinskiHarabasz(z, labels));
        AssertRel(1.484786780707911, ClusterMetrics.DaviesBouldin(z, labels));
    }

    [Fact]
    public void Adjusted_rand_index_ignores_label_names()
    {
        Assert.Equal(1.0, ClusterMetrics.AdjustedRandIndex([0, 0, 1, 1, 2], [5, 5, -1, -1, 9]));

        // sklearn: adjusted_rand_score([0, 0, 1, 1], [0, 1, 0, 1]) == -0.5
        AssertRel(-0.5, ClusterMetrics.AdjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1]), 1e-12);

        // sklearn: adjusted_rand_score([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]) == 0.24242424242424243
        AssertRel(0.24242424242424243, ClusterMetrics.AdjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]), 1e-12);
    }

    [Fact]
    public void Exact_silhouette_is_the_same_across_block_boundaries_as_a_naive_computation()
    {
        // 1,300 rows spans three 512-row blocks; compare with an O(n²) textbook loop.
        var random = new Random(3);
        var n = 1300;
        var d = 3;
        var values = Enumerable.Range(0, n * d).Select(_ => random.NextDouble()).ToArray();
        var labels = Enumerable.Range(0, n).Select(_ => random.Next(5)).ToArray();
        var data = new FeatureMatrix(values, n, ["a", "b", "c"]);
        var fast = ClusterMetrics.SilhouetteSamples(data, labels);
        var sizes = Enumerable.Range(0, 5).Select(c => labels.Count(l => l == c)).ToArray();
        for (var i = 0; i < n; i += 37)
        {
            var sums = new double[5];
            for (var j = 0; j < n; j++)
            {
                sums[labels[j]] += Math.Sqrt(ClusterMetricsSquared(data.Row(i), data.Row(j)));
            }

            var a = sums[labels[i]] / (sizes[labels[i]] - 1);
            var b = Enumerable.Range(0, 5).Where(c => c != labels[i]).Min(c => sums[c] / sizes[c]);
            AssertRel((b - a) / Math.Max(a, b), fast[i], 1e-10);
        }

        // Deterministic: same input, same bits.
        Assert.Equal(fast, ClusterMetrics.SilhouetteSamples(data, labels));
    }

    [Fact]
    public void Sampled_silhouette_is_seeded_and_close_to_exact()
    {
        var x = MallCustomersCsv.Matrix(MallCustomersCsv.Income, MallCustomersCsv.Score);
        var labels = BandLabels();
        var a = ClusterMetrics.SilhouetteSampled(x, labels, 150, seed: 4);
        Assert.Equal(a, ClusterMetrics.SilhouetteSampled(x, labels, 150, seed: 4));
        Assert.InRange(a, 0.2630768409223923 - 0.1, 0.2630768409223923 + 0.1);
        AssertRel(0.2630768409223923, ClusterMetrics.SilhouetteSampled(x, labels, 1000, seed: 4));
    }

    [Fact]
    public void Scores_leave_noise_out_and_say_so()
    {
        var data = FeatureMatrix.FromRows([[0.0], [1.0], [4.0], [5.0], [100.0]], ["x"]);
        var scores = ClusterScores.Compute(data, [0, 0, 1, 1, -1]);
        Assert.Equal(1, scores.NoiseCount);
        Assert.Equal(2, scores.ClusterCount);
        AssertRel(32, scores.CalinskiHarabasz!.Value, 1e-12);
        AssertRel(1, scores.Inertia, 1e-12);
        Assert.Contains(scores.Warnings, w => w.Contains("noise", StringComparison.Ordinal));

        var single = ClusterScores.Compute(data, [0, 0, 0, 0, 0]);
        Assert.Null(single.Silhouette);
        Assert.NotEmpty(single.Warnings);
    }

    private static double ClusterMetricsSquared(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var s = 0.0;
        for (var j = 0; j < x.Length; j++)
        {
            s += (x[j] - y[j]) * (x[j] - y[j]);
        }

        return s;
    }
}
