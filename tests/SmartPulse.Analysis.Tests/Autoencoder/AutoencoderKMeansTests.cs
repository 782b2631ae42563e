using SmartPulse.Analysis.Autoencoder;
using SmartPulse.Analysis.Clustering;
using SmartPulse.Analysis.Evaluation;

namespace SmartPulse.Analysis.Tests.Autoencoder;

public sealed class AutoencoderKMeansTests
{
    [Fact]
    public void KMeans_on_Mall_codes_reports_both_spaces()
    {
        var mall = MallStandardised.Matrix;
        var ae = new DenseAutoencoder(new AutoencoderOptions { Seed = 0 }).Fit(mall);
        var result = AutoencoderKMeans.Fit(ae, mall);

        Assert.Equal(3, result.K);
        Assert.Equal(200, result.Labels.Count);
        Assert.Equal(3, result.Labels.Distinct().Count());
        Assert.Equal(ae.Encode(mall).Values.ToArray(), result.Codes.Values.ToArray());
        Assert.Equal(10, result.KMeans.Options.Restarts);
        Assert.Equal(ae.Options.Seed, result.KMeans.Seed);

        // Each number is the evaluation API applied to the right matrix.
        Assert.Equal(ClusterMetrics.Silhouette(result.Codes, result.Labels), result.SilhouetteCodeSpace);
        Assert.Equal(ClusterMetrics.Silhouette(mall, result.Labels), result.SilhouetteInputSpace);
        Assert.Equal(result.KMeans.Inertia, result.InertiaCodeSpace);
        Assert.Equal(ClusterMetrics.Inertia(mall, result.Labels), result.InertiaInputSpace, 1e-9);
        Assert.InRange(result.SilhouetteCodeSpace!.Value, -1, 1);
        Assert.InRange(result.SilhouetteInputSpace!.Value, -1, 1);

        // The AE labels cannot beat k-means's own objective in input space: plain k-means (k = 3) inertia is a lower bound, near enough.
        var plain = new KMeans(new KMeansOptions { K = 3, Seed = 0 }).Fit(mall);
        Assert.True(result.InertiaInputSpace >= plain.Inertia - 1e-9);
    }

    [Fact]
    public void K_is_adjustable_and_deterministic()
    {
        var mall = MallStandardised.Matrix;
        var ae = new DenseAutoencoder(new AutoencoderOptions { Seed = 4, Epochs = 30 }).Fit(mall);
        var a = AutoencoderKMeans.Fit(ae, mall, new KMeansOptions { K = 5, Restarts = 4, Seed = 1 });
        var b = AutoencoderKMeans.Fit(ae, mall, new KMeansOptions { K = 5, Restarts = 4, Seed = 1 });
        Assert.Equal(5, a.K);
        Assert.Equal(a.Labels, b.Labels);
        Assert.Equal(a.SilhouetteInputSpace, b.SilhouetteInputSpace);
    }

    [Fact]
    public void Undefined_silhouette_is_null_with_a_warning()
    {
        var mall = MallStandardised.Matrix;
        var ae = new DenseAutoencoder(new AutoencoderOptions { Epochs = 1 }).Fit(mall);
        var result = AutoencoderKMeans.Fit(ae, mall, new KMeansOptions { K = 1 });
        Assert.Null(result.SilhouetteCodeSpace);
        Assert.Null(result.SilhouetteInputSpace);
        Assert.Contains(result.Warnings, w => w.Contains("Silhouette is undefined", StringComparison.Ordinal));
    }
}
