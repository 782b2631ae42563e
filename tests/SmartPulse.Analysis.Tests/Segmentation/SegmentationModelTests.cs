using SmartPulse.Analysis.Autoencoder;
using SmartPulse.Analysis.Clustering;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Preparation;
using SmartPulse.Analysis.Samples;
using SmartPulse.Analysis.Segmentation;

namespace SmartPulse.Analysis.Tests.Segmentation;

public class SegmentationModelTests
{
    private static readonly string[] _features = ["Age", "Annual Income (k$)", "Spending Score (1-100)"];

    [Fact]
    public void AutoencoderModelZipReloadsAndScoresBitIdentically()
    {
        var mall = Datasets.Mall.Load();
        var (pipeline, training) = new PreparationPipeline(new SelectColumns(_features), Scaler.Standard()).FitTransform(mall);
        var x = training.Features();
        var autoencoder = new DenseAutoencoder(new AutoencoderOptions { Epochs = 20, Seed = 3 }).Fit(x);
        var result = AutoencoderKMeans.Fit(autoencoder, x, new KMeansOptions { K = 3, Seed = 3 });
        var model = SegmentationModel.FromKMeans(pipeline, result.KMeans, result.Codes, autoencoder);

        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = SegmentationModel.Load(stream);

        Assert.NotNull(loaded.Autoencoder);
        Assert.Equal(result.Codes.Values.ToArray(), loaded.Autoencoder!.Encode(x).Values.ToArray());
        var (prepared, segments) = loaded.Score(mall);
        Assert.Equal(200, prepared.SourceRows.Count);
        Assert.Equal(result.Labels, segments);
        Assert.Equal("kmeans", loaded.Metadata.Algorithm);
        Assert.Equal(_features, loaded.Metadata.InputFeatures);
        Assert.Equal(3, loaded.Metadata.Sizes.Count);
        Assert.Equal("6-3-6-3", loaded.Metadata.Parameters["autoencoder"]);
    }

    [Fact]
    public void SavingTheSameModelTwiceGivesTheSameBytes()
    {
        var mall = Datasets.Mall.Load();
        var run = Segmenter.Fit(mall, new SegmentationOptions { Features = ["Annual Income (k$)", "Spending Score (1-100)"], K = 5, Scale = null });
        using var a = new MemoryStream();
        using var b = new MemoryStream();
        run.Model.Save(a);
        run.Model.Save(b);
        Assert.Equal(a.ToArray(), b.ToArray());
        // The classic optimum, through the one-call API.
        Assert.Equal(44448.4554, run.Result.Inertia, 3);
        Assert.Equal([22, 23, 35, 39, 81], run.Result.Sizes.Order());
    }

    [Fact]
    public void DbscanModelLabelsCorePointsAsTheFitDid()
    {
        var mall = Datasets.Mall.Load();
        var run = Segmenter.Fit(mall, new SegmentationOptions { Features = _features, Algorithm = SegmentationAlgorithm.Dbscan, Eps = 0.5, MinPoints = 5 });
        var (_, segments) = run.Model.Score(mall);
        var assigner = Assert.IsType<NearestCorePoint>(run.Model.Assigner);
        Assert.NotEmpty(assigner.CorePoints);
        // Core points get exactly their training cluster; noise stays noise unless within eps of a core point (then it would have been a border point).
        for (var i = 0; i < segments.Length; i++)
        {
            if (run.Result.Labels[i] == -1)
            {
                Assert.Equal(-1, segments[i]);
            }
        }

        var agreement = segments.Zip(run.Result.Labels).Count(p => p.First == p.Second) / (double)segments.Length;
        Assert.True(agreement >= 0.95, $"only {agreement:P1} of rows keep their DBSCAN label");
    }
}
