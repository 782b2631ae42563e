using SmartPulse.Analysis.Clustering;
using SmartPulse.Analysis.Evaluation;
using SmartPulse.Analysis.Features;
using SmartPulse.Analysis.Tests.TestSupport;

namespace SmartPulse.Analysis.Tests.Evaluation;

public class KSweepTests
{
    [Fact]
    public void Mall_income_score_sweep_matches_scikit_learn_and_recommends_five()
    {
        // Debian python3-sklearn 1.2.1, X = Income, Score unscaled; per k the best of
        //   KMeans(n_clusters=k, n_init=10, random_state=s).fit(X) for s in range(5), then
        //   inertia_, silhouette_score(X, l), calinski_harabasz_score(X, l), davies_bouldin_score(X, l)
        var expected = new Dictionary<int, (double Inertia, double Silhouette, double Ch, double Db)>
        {
            [2] = (181363.59595959593, 0.2968969162503008, 96.74654578369159, 1.2567743851185287),
            [3] = (106348.37306211122, 0.46761358158775435, 151.5570090006799, 0.7152768202484618),
            [4] = (73679.78903948836, 0.4931963109249047, 174.0644335433684, 0.7103644068779902),
            [5] = (44448.4554479337, 0.553931997444648, 247.35899338037282, 0.5725628995597087),
        };

        // For k >= 6 Lloyd has several local optima and which one 10 restarts reach depends on the seed, in scikit-learn
        // too. The sweep must land inside scikit-learn's own range over seeds, within the ±0.1 % inertia tolerance:
        //   v = [KMeans(n_clusters=k, n_init=10, random_state=s).fit(X).inertia_ for s in range(6)]; min(v), max(v)
        var sklearnRange = new Dictionary<int, (double Min, double Max)>
        {
            [6] = (37233.814510710006, 37265.86520484346),
            [7] = (30259.65720728547, 30566.45113025185),
            [8] = (25005.55037243283, 26086.451614668855),
            [9] = (21830.041978049434, 21996.523372372307),
            [10] = (19641.456216651564, 20736.679938924128),
        };
        var data = MallCustomersCsv.Matrix(MallCustomersCsv.Income, MallCustomersCsv.Score);
        var sweep = new KSweep().Fit(data);
        Assert.Equal(Enumerable.Range(2, 9), sweep.Rows.Select(r => r.K));
        foreach (var (k, e) in expected)
        {
            var row = sweep.Row(k);
            AssertRel(e.Inertia, row.Inertia);
            AssertRel(e.Silhouette, row.Silhouette);
            AssertRel(e.Ch, row.CalinskiHarabasz);
            AssertRel(e.Db, row.DaviesBouldin);
        }

        foreach (var (k, range) in sklearnRange)
        {
            Assert.InRange(sweep.Row(k).Inertia, range.Min * 0.99, range.Max * 1.001);
        }

        Assert.Equal(5, sweep.ElbowK);
        Assert.Equal(5, sweep.BestSilhouetteK);
        Assert.Equal(5, sweep.RecommendedK);
        Assert.Contains("agree on k = 5", sweep.Reasons[0]);
        Assert.Equal(5, sweep.Model(5).K);
        Assert.Null(sweep.Row(5).Stability);
    }

    [Theory]
    [InlineData(StabilityMethod.Seeds)]
    [InlineData(StabilityMethod.Bootstrap)]
    public void Stability_is_high_for_well_separated_blobs(StabilityMethod method)
    {
        // Three tight, far-apart blobs: k = 3 must be recommended and perfectly stable.
        var random = new Random(7);
        var rows = new List<double[]>();
        foreach (var (cx, cy) in new[] { (0.0, 0.0), (10.0, 0.0), (0.0, 10.0) })
        {
            for (var i = 0; i < 40; i++)
            {
                rows.Add([cx + random.NextDouble(), cy + random.NextDouble()]);
            }
        }

        var data = FeatureMatrix.FromRows(rows, ["x", "y"]);
        var sweep = new KSweep(new KSweepOptions { MaxK = 6, Stability = method, StabilityRuns = 3 }).Fit(data);
        Assert.Equal(3, sweep.RecommendedK);
        Assert.Equal(1.0, sweep.Row(3).Stability!.Value, 1e-12);
        Assert.Contains(sweep.Reasons, r => r.Contains("stable", StringComparison.Ordinal));

        // Same seed, same sweep.
        var again = new KSweep(new KSweepOptions { MaxK = 6, Stability = method, StabilityRuns = 3 }).Fit(data);
        Assert.Equal(sweep.Rows.Select(r => r.Stability), again.Rows.Select(r => r.Stability));
    }

    [Fact]
    public void Options_are_validated_and_small_data_clamps_max_k()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new KSweep(new KSweepOptions { MinK = 1 }));
        Assert.Contains("KSweepOptions.MinK is 1", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new KSweep(new KSweepOptions { MinK = 5, MaxK = 4 }));
        var data = FeatureMatrix.FromRows([[0.0], [1.0], [5.0], [6.0], [20.0]], ["x"]);
        var sweep = new KSweep().Fit(data);
        Assert.Equal(4, sweep.Rows[^1].K);
        Assert.Contains(sweep.Warnings, w => w.Contains("MaxK lowered", StringComparison.Ordinal));
    }

    private static void AssertRel(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-6 * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
}
