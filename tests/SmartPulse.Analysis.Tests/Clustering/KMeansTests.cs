using SmartPulse.Analysis.Clustering;
using SmartPulse.Analysis.Evaluation;
using SmartPulse.Analysis.Features;
using SmartPulse.Analysis.Tests.TestSupport;

namespace SmartPulse.Analysis.Tests.Clustering;

public class KMeansTests
{
    // scikit-learn's labels for Mall (Annual Income, Spending Score), k = 5:
    //   KMeans(n_clusters=5, n_init=10, random_state=2).fit(X).labels_  (Debian python3-sklearn 1.2.1)
    private const string SklearnMallLabels =
        "24242424242424242424242424242424242424242420240000000000000000000000000000000000000000000000000000000000000000000000000000031303131303131313130313131313131313131313131313131313131313131313131313131313";

    private static FeatureMatrix IncomeScore() => MallCustomersCsv.Matrix(MallCustomersCsv.Income, MallCustomersCsv.Score);

    [Fact]
    public void Toy_two_groups_hand_computed()
    {
        var data = FeatureMatrix.FromRows([[0.0, 0.0], [0.0, 2.0], [10.0, 0.0], [10.0, 2.0], [12.0, 1.0]], ["a", "b"]);
        var model = new KMeans(new KMeansOptions { K = 2 }).Fit(data);

        // Centroids (0, 1) and (32/3, 1); inertia = 2 + (4/9 + 1) + (4/9 + 1) + (16/9 + 0) = 20/3.
        Assert.Equal(1.0, ClusterMetrics.AdjustedRandIndex(model.Labels, [0, 0, 1, 1, 1]));
        Assert.Equal(20.0 / 3.0, model.Inertia, 1e-9);
        var big = model.Labels[4];
        Assert.Equal(32.0 / 3.0, model.Centroids[big][0], 1e-9);
        Assert.Equal(1.0, model.Centroids[big][1], 1e-9);
        Assert.Equal(3, model.Sizes[big]);
        Assert.True(model.Converged);
        Assert.Equal(big, model.Predict([11.0, 5.0]));

        // Distances of (0, 0) to (0, 1) and (32/3, 1).
        var distances = model.Transform(FeatureMatrix.FromRows([[0.0, 0.0]], ["a", "b"]));
        Assert.Equal(1.0, distances[0, 1 - big], 1e-9);
        Assert.Equal(Math.Sqrt((32.0 / 3.0 * 32.0 / 3.0) + 1), distances[0, big], 1e-9);
        Assert.Equal($"distance_{big}", distances.ColumnNames[big]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void Mall_income_score_k5_reaches_the_published_optimum_for_every_seed(int seed)
    {
        // Published optimum (and scikit-learn's, random_state 0..2, n_init=10): inertia 44448.4554479337,
        // sizes 81/39/35/23/22; the default 10 restarts must find the optimum for every seed.
        var model = new KMeans(new KMeansOptions { K = 5, Seed = seed }).Fit(IncomeScore());
        Assert.Equal(44448.4554479337, model.Inertia, 1e-2);
        Assert.Equal([81, 39, 35, 23, 22], model.Sizes.OrderDescending());
        Assert.Equal(1.0, ClusterMetrics.AdjustedRandIndex(model.Labels, SklearnMallLabels.Select(c => c - '0').ToArray()));
        Assert.Equal(seed, model.Seed);
        Assert.Equal(10, model.RestartInertias.Count);
    }

    [Fact]
    public void One_thread_gives_the_all_cores_result_bit_for_bit()
    {
        var data = MallCustomersCsv.Standardised(MallCustomersCsv.Age, MallCustomersCsv.Income, MallCustomersCsv.Score);
        var parallel = new KMeans(new KMeansOptions { K = 6, Seed = 3 }).Fit(data);
        var again = new KMeans(new KMeansOptions { K = 6, Seed = 3 }).Fit(data);

        // The cap is process-wide; results never depend on it (fixed row chunks merged in order), so tests running
        // beside this one only run slower for a moment.
        KMeansModel sequential;
        Parallelism.MaxThreads = 1;
        try
        {
            sequential = new KMeans(new KMeansOptions { K = 6, Seed = 3 }).Fit(data);
        }
        finally
        {
            Parallelism.MaxThreads = null;
        }

        foreach (var other in new[] { sequential, again })
        {
            Assert.Equal(parallel.RestartInertias, other.RestartInertias);
            Assert.Equal(parallel.Labels, other.Labels);
            Assert.Equal(parallel.BestRestart, other.BestRestart);
            Assert.Equal(parallel.Centroids.SelectMany(c => c), other.Centroids.SelectMany(c => c));
        }
    }

    [Fact]
    public void Mall_standardised_three_features_k6_is_at_least_as_good_as_scikit_learn()
    {
        // Z = StandardScaler().fit_transform(df[["Age","Annual Income (k$)","Spending Score (1-100)"]])
        // KMeans(n_clusters=6, n_init=10, random_state=0).fit(Z).inertia_ == 133.88887021131023
        // (the best over random_state 0..9 is 133.86833362685582: both are local optima of Lloyd)
        var data = MallCustomersCsv.Standardised(MallCustomersCsv.Age, MallCustomersCsv.Income, MallCustomersCsv.Score);
        var model = new KMeans(new KMeansOptions { K = 6 }).Fit(data);
        Assert.True(model.Inertia <= 133.88887021131023 * (1 + 1e-9), $"inertia {model.Inertia}");
        Assert.Equal(model.Inertia, ClusterMetrics.Inertia(data, model.Labels), 1e-9);
    }

    [Fact]
    public void Predict_reproduces_training_labels_and_checks_feature_names()
    {
        var data = IncomeScore();
        var model = new KMeans(new KMeansOptions { K = 5 }).Fit(data);
        Assert.Equal(model.Labels, model.Predict(data));
        Assert.Equal(model.Labels[17], model.Predict(data.Row(17)));
        var renamed = new FeatureMatrix(data.Values, data.Rows, ["income", "score"]);
        var ex = Assert.Throws<ArgumentException>(() => model.Predict(renamed));
        Assert.Contains("Annual Income (k$)", ex.Message);
    }

    [Fact]
    public void Common_result_shape_matches_the_model()
    {
        var data = IncomeScore();
        var model = new KMeans(new KMeansOptions { K = 5 }).Fit(data);
        var result = model.ToResult(data);
        Assert.Equal("kmeans", result.Algorithm);
        Assert.Equal(5, result.ClusterCount);
        Assert.Equal(0, result.NoiseCount);
        Assert.Equal(model.Sizes, result.Sizes);
        Assert.Equal(model.Inertia, result.Inertia, 1e-6);
        Assert.Equal("5", result.Parameters["k"]);

        // silhouette_score(X, KMeans(n_clusters=5, n_init=10, random_state=0).fit(X).labels_) == 0.553931997444648
        Assert.Equal(0.553931997444648, result.Score(data).Silhouette!.Value, 1e-6);
    }

    [Fact]
    public void Options_are_validated_with_name_value_and_range()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new KMeans(new KMeansOptions { K = 0 }));
        Assert.Contains("KMeansOptions.K is 0", ex.Message);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => new KMeans(new KMeansOptions { Restarts = 0 }));
        Assert.Contains("1 to 1000", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new KMeans(new KMeansOptions { Tolerance = double.NaN }));
        var tooMany = Assert.Throws<ArgumentException>(() => new KMeans(new KMeansOptions { K = 6 }).Fit(FeatureMatrix.FromRows([[1.0], [2.0]], ["x"])));
        Assert.Contains("only 2 rows", tooMany.Message);
    }

    [Fact]
    public void Fewer_distinct_rows_than_k_is_a_warning_not_an_error()
    {
        var data = FeatureMatrix.FromRows([[1.0], [1.0], [1.0], [5.0], [5.0]], ["x"]);
        var model = new KMeans(new KMeansOptions { K = 3 }).Fit(data);
        Assert.Contains(model.Warnings, w => w.Contains("distinct", StringComparison.Ordinal));
        Assert.Equal(0, model.Inertia, 1e-12);
    }
}
