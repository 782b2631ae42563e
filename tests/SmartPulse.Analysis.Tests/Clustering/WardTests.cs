using SmartPulse.Analysis.Clustering;
using SmartPulse.Analysis.Evaluation;
using SmartPulse.Analysis.Features;
using SmartPulse.Analysis.Tests.TestSupport;

namespace SmartPulse.Analysis.Tests.Clustering;

public class WardTests
{
    [Fact]
    public void Toy_line_merges_are_hand_computed()
    {
        // 0, 1, 5, 6, 20. Ward height of A, B = √(2|A||B|/(|A|+|B|))·|μA − μB|:
        // {0}+{1}: 1; {5}+{6}: 1; {0,1}+{5,6}: √2·5; {0,1,5,6}+{20}: √(8/5)·17.
        var data = FeatureMatrix.FromRows([[0.0], [1.0], [5.0], [6.0], [20.0]], ["x"]);
        var model = new Ward(new WardOptions { K = 2 }).Fit(data);
        Assert.Equal(4, model.Merges.Count);
        Assert.Equal(1.0, model.Merges[0].Height, 1e-12);
        Assert.Equal(1.0, model.Merges[1].Height, 1e-12);
        Assert.Equal(Math.Sqrt(2) * 5, model.Merges[2].Height, 1e-12);
        Assert.Equal(Math.Sqrt(8.0 / 5.0) * 17, model.Merges[3].Height, 1e-12);
        Assert.Equal(new WardMerge(5, 6, model.Merges[2].Height, 4), model.Merges[2] with { Left = Math.Min(model.Merges[2].Left, model.Merges[2].Right) });
        Assert.Equal(5, model.Merges[3].Size);
        Assert.Equal([0, 0, 0, 0, 1], model.Labels);
        Assert.Equal([0, 0, 1, 1, 2], model.Cut(3));
        Assert.Equal([0, 0, 0, 0, 0], model.Cut(1));
        Assert.Equal([0, 1, 2, 3, 4], model.Cut(5));
    }

    [Fact]
    public void Mall_income_score_matches_scikit_learn_and_scipy()
    {
        // Debian python3-sklearn 1.2.1 / python3-scipy:
        //   lab = AgglomerativeClustering(n_clusters=5, linkage="ward").fit(X).labels_   (X = Income, Score, unscaled)
        //   Z = scipy.cluster.hierarchy.linkage(X, "ward"); Z[-1,2], Z[-2,2], Z[-5,2], Z[0,2], Z[:,2].sum()
        const string sklearn = "43434343434343434343434343434343434343434341411111111111111111111111111111111111111111111111111111111111111111111111111111121212020212020202021202120202020202021202020202020202020202020202020202020202";
        var data = MallCustomersCsv.Matrix(MallCustomersCsv.Income, MallCustomersCsv.Score);
        var model = new Ward(new WardOptions { K = 5 }).Fit(data);
        Assert.Equal(1.0, ClusterMetrics.AdjustedRandIndex(model.Labels, sklearn.Select(c => c - '0').ToArray()));
        Assert.Equal([85, 39, 32, 23, 21], model.Sizes.OrderDescending());
        Assert.Equal(199, model.Merges.Count);
        AssertRel(405.6600410421901, model.Merges[^1].Height);
        AssertRel(394.85965759553204, model.Merges[^2].Height);
        AssertRel(113.88601651850901, model.Merges[^5].Height);
        Assert.Equal(0.0, model.Merges[0].Height);
        AssertRel(3478.313978674786, model.Merges.Sum(m => m.Height));
        Assert.Equal(200, model.Merges[^1].Size);
        for (var i = 1; i < model.Merges.Count; i++)
        {
            Assert.True(model.Merges[i].Height >= model.Merges[i - 1].Height);
        }
    }

    [Fact]
    public void Mall_standardised_three_features_match_scikit_learn()
    {
        // Zs = StandardScaler().fit_transform(Age, Income, Score); AgglomerativeClustering(n_clusters=6, linkage="ward").fit(Zs).labels_
        // linkage(Zs, "ward"): Z[-1,2] == 20.00004498414184, Z[:,2].sum() == 213.71620971244326
        const string sklearn = "45454545454545454545454545404545454545451540451000100111110110111001001111100001101101100110100010100110101111100000111100020212323202023202320202123232323232321202323232323232323232323232323232323232";
        var data = MallCustomersCsv.Standardised(MallCustomersCsv.Age, MallCustomersCsv.Income, MallCustomersCsv.Score);
        var model = new Ward(new WardOptions { K = 6 }).Fit(data);
        Assert.Equal(1.0, ClusterMetrics.AdjustedRandIndex(model.Labels, sklearn.Select(c => c - '0').ToArray()));
        AssertRel(20.00004498414184, model.Merges[^1].Height);
        AssertRel(213.71620971244326, model.Merges.Sum(m => m.Height));

        var result = model.ToResult(data);
        Assert.Equal("ward", result.Algorithm);
        Assert.Equal(6, result.ClusterCount);
        Assert.Equal(model.Sizes, result.Sizes);
    }

    [Fact]
    public void Merge_heights_add_up_to_the_inertia_of_each_cut_on_a_large_set()
    {
        // 6,000 rows takes the two-core scan path. Ward's merge cost is the inertia increase, height² / 2, so the
        // inertia of the cut at k is the sum of the first n − k costs (and the last cut is the total sum of squares).
        var random = new Random(11);
        var n = 6000;
        var values = Enumerable.Range(0, n * 3).Select(_ => random.NextDouble()).ToArray();
        var data = new FeatureMatrix(values, n, ["a", "b", "c"]);
        var model = new Ward(new WardOptions { K = 7 }).Fit(data);
        foreach (var k in new[] { 1, 7, 50 })
        {
            var expected = model.Merges.Take(n - k).Sum(m => m.Height * m.Height / 2);
            var actual = ClusterMetrics.Inertia(data, model.Cut(k));
            Assert.True(Math.Abs(expected - actual) <= 1e-8 * actual, $"k={k}: {expected} vs {actual}");
        }

        Assert.Equal(model.Labels, new Ward(new WardOptions { K = 7 }).Fit(data).Labels);
    }

    [Fact]
    public void Options_and_inputs_are_validated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ward(new WardOptions { K = 0 }));
        var data = FeatureMatrix.FromRows([[0.0], [1.0], [2.0]], ["x"]);
        var ex = Assert.Throws<ArgumentException>(() => new Ward(new WardOptions { K = 4 }).Fit(data));
        Assert.Contains("only 3 rows", ex.Message);
        var big = Assert.Throws<ArgumentException>(() => new Ward(new WardOptions { K = 2, MaxRows = 2 }).Fit(data));
        Assert.Contains("MaxRows", big.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ward(new WardOptions { K = 1 }).Fit(data).Cut(4));
    }

    private static void AssertRel(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
}
