using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Preparation;
using SmartPulse.Analysis.Segmentation;

namespace SmartPulse.Analysis.Tests.Segmentation;

/// <summary>The columnar (streamed-read, matrix-held-once) KMeans path gives what the in-memory DataFrame path gives.</summary>
public sealed class ColumnarSegmenterTests
{
    [Fact]
    public void SameSeedGivesTheInMemoryModel()
    {
        var path = DataDirectory.Resolve("Mall_Customers.csv");
        string[] features = ["Age", "Annual Income (k$)", "Spending Score (1-100)"];
        var options = new SegmentationOptions { Features = features, K = 5, Restarts = 3, Seed = 7, Scale = ScalingKind.Standard };
        var inMemory = Segmenter.Fit(CsvLoader.Load(path), options);
        var columnar = ColumnarSegmenter.Fit(ColumnarReader.Read(path, columns: features), options);
        Assert.Equal(inMemory.Result.Labels, columnar.Result.Labels);
        Assert.Equal(inMemory.Result.Inertia, columnar.Result.Inertia, 1e-9);
        for (var c = 0; c < 5; c++)
        {
            for (var j = 0; j < features.Length; j++)
            {
                Assert.Equal(inMemory.OriginalCentroids[c][j], columnar.OriginalCentroids[c][j], 1e-9);
            }
        }

        Assert.Equal(inMemory.Scores.Silhouette!.Value, columnar.Scores.Silhouette!.Value, 1e-9);
        Assert.Equal(inMemory.Scores.DaviesBouldin!.Value, columnar.Scores.DaviesBouldin!.Value, 1e-9);
        var frame = CsvLoader.Load(path);
        Assert.Equal(inMemory.Model.Score(frame).Segments, columnar.Model.Score(frame).Segments);
    }

    [Fact]
    public void MissingFeatureValuesAreImputedWithTheMedian()
    {
        var table = ColumnarReader.ReadText("a,b\n1,10\n,20\n3,30\n100,40\n", "toy.csv");
        var run = ColumnarSegmenter.Fit(table, new SegmentationOptions { Features = ["a", "b"], K = 2, Restarts = 1, Scale = null });
        Assert.Equal(1, run.ImputedCells);
        var fill = run.Model.Pipeline.Steps.OfType<FittedImputer>().Single().Fills.Single();
        Assert.Equal(("a", 3.0), (fill.Column, fill.Number!.Value));
        Assert.Equal(2, run.Result.ClusterCount);
    }

    [Fact]
    public void TextFeatureNamesTheLineAndValue()
    {
        var table = ColumnarReader.ReadText("a,b\n1,10\n2,\"1,234\"\n", "toy.csv");
        var ex = Assert.Throws<ArgumentException>(() => ColumnarSegmenter.Fit(table, new SegmentationOptions { Features = ["a", "b"], K = 1 }));
        Assert.Contains("toy.csv, line 3, column 'b': value '1,234' is not a number", ex.Message);
        Assert.Contains("--thousands ,", ex.Message);
    }
}
