using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Clustering;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Evaluation;
using SmartPulse.Analysis.Exploration;
using SmartPulse.Analysis.Features;
using SmartPulse.Analysis.Preparation;
using SmartPulse.Analysis.Samples;

namespace SmartPulse.Analysis.Tests.Features;

/// <summary>The one-line calls a notebook makes: frame → matrix, fit + transform, describe a column list, score a model.</summary>
public class NotebookSeamsTests
{
    private static DataFrame Toy() => new(
        new DoubleDataFrameColumn("x", [0.0, 2, 10, 12]),
        new DoubleDataFrameColumn("y", [1.0, 1, 1, 1]),
        new StringDataFrameColumn("name", ["a", "b", "c", "d"]));

    [Fact]
    public void ToFeatureMatrixTakesTheNamedColumnsInOrder()
    {
        var x = Toy().ToFeatureMatrix("y", "x");
        Assert.Equal(["y", "x"], x.ColumnNames);
        Assert.Equal([1.0, 0, 1, 2, 1, 10, 1, 12], x.Values.ToArray());
        Assert.Equal(["x", "y"], Toy().ToFeatureMatrix().ColumnNames); // none named: every numeric column
    }

    [Fact]
    public void ToFeatureMatrixNamesAMissingValue()
    {
        var frame = new DataFrame(new DoubleDataFrameColumn("x", [1.0, null, 3]));
        var error = Assert.Throws<ArgumentException>(() => frame.ToFeatureMatrix("x"));
        Assert.Contains("'x' has 1 missing value(s) (first at row 1)", error.Message);
    }

    [Fact]
    public void FitTransformReturnsThePipelineAndThePreparedData()
    {
        var (pipeline, prepared) = new PreparationPipeline(new SelectColumns("x"), Scaler.Standard()).FitTransform(Toy());
        // mean 6, population std sqrt((36 + 16 + 16 + 36) / 4) = sqrt(26), by hand.
        var expected = new[] { -6.0, -4, 4, 6 }.Select(v => v / Math.Sqrt(26)).ToArray();
        Assert.Equal(expected, prepared.Features().Values.ToArray());
        Assert.Equal(expected, pipeline.Transform(Toy()).Features().Values.ToArray());
        Assert.Equal(["x"], pipeline.FeatureNames);
    }

    [Fact]
    public void DescribeTakesAColumnList()
    {
        var summary = Toy().Describe("x", "name");
        Assert.Equal(["x"], summary.Numeric.Select(n => n.Column));
        Assert.Equal(["name"], summary.Categorical.Select(c => c.Column));
        Assert.Equal(6.0, summary.Numeric[0].Mean);
        Assert.Equal(2, Toy().Describe().Numeric.Count);
        var error = Assert.Throws<ArgumentException>(() => Toy().Describe("nope"));
        Assert.Contains("nope", error.Message);
    }

    [Fact]
    public void ScoreOnTheFittedModelMatchesHandValuesAndItsInertia()
    {
        var x = Toy().ToFeatureMatrix("x");
        var kmeans = new KMeans(new KMeansOptions { K = 2, Seed = 0 }).Fit(x);
        var scores = kmeans.Score(x);
        // Clusters {0, 2} and {10, 12}: centres 1 and 11, inertia 4 × 1² = 4.
        Assert.Equal(4.0, kmeans.Inertia);
        Assert.Equal(4.0, scores.Inertia);
        // Silhouette by hand: 0 and 12 get 1 − 2/11, 2 and 10 get 1 − 2/9; mean (9/11 + 7/9) / 2.
        Assert.Equal(((9.0 / 11) + (7.0 / 9)) / 2, scores.Silhouette!.Value, 12);
    }

    [Fact]
    public void ScoreChecksTheFeatureNames()
    {
        var kmeans = new KMeans(new KMeansOptions { K = 2, Seed = 0 }).Fit(Toy().ToFeatureMatrix("x"));
        var error = Assert.Throws<ArgumentException>(() => kmeans.Score(Toy().ToFeatureMatrix("y")));
        Assert.Contains("fitted on [x] but the data has [y]", error.Message);
        var result = kmeans.ToResult(Toy().ToFeatureMatrix("x"));
        Assert.Throws<ArgumentException>(() => result.Score(Toy().ToFeatureMatrix("y")));
    }

    [Fact]
    public void AModelStoppedOnToleranceReportsOneInertiaAroundItsCentroids()
    {
        var mall = Datasets.Mall.Load();
        var x = mall.ToFeatureMatrix("Age", "Annual Income (k$)", "Spending Score (1-100)");
        var kmeans = new KMeans(new KMeansOptions { K = 6, Seed = 0, Restarts = 1, MaxIterations = 2 }).Fit(x);
        Assert.False(kmeans.Converged); // stopped early: the last re-assignment moved rows, so centres are not the label means
        Assert.Equal(kmeans.Inertia, kmeans.Score(x).Inertia);
        Assert.Equal(kmeans.Inertia, kmeans.ToResult(x).Inertia);
        Assert.Equal(kmeans.Inertia, kmeans.ToResult(x).Score(x).Inertia);

        // Around the label means instead (ClusterScores.Compute from bare labels) the sum is smaller by exactly
        // Σ_c n_c ‖centroid_c − mean_c‖² (the parallel-axis identity).
        var aroundMeans = ClusterScores.Compute(x, kmeans.Labels).Inertia;
        var means = ClusteringResult.FromLabels("labels", new Dictionary<string, string>(), x, kmeans.Labels, kmeans.K, []).Centroids;
        var gap = Enumerable.Range(0, kmeans.K).Sum(c => kmeans.Sizes[c] * DistanceKernel.Squared(kmeans.Centroids[c].ToArray(), means[c].ToArray()));
        Assert.True(gap > 0);
        Assert.Equal(kmeans.Inertia - gap, aroundMeans, 1e-9 * kmeans.Inertia);
    }
}
