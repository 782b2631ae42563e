using SmartPulse.Analysis.Clustering;
using SmartPulse.Analysis.Evaluation;
using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Autoencoder;

/// <summary>
/// The seed's "autoencoder embeddings + clustering" step: encode the standardised rows with a trained
/// <see cref="AutoencoderModel"/>, run <see cref="Clustering.KMeans"/> on the codes, and score the labels in code
/// space and in the standardised input space (<see cref="AutoencoderKMeansResult"/>).
/// Usage: <c>var r = AutoencoderKMeans.Fit(ae, standardised, new KMeansOptions { K = 3, Seed = 0 });</c>
/// </summary>
public static class AutoencoderKMeans
{
    /// <summary>Default number of clusters (the seed analysis's k).</summary>
    public const int DefaultK = 3;

    /// <summary>Encodes <paramref name="standardisedInput"/>, clusters the codes with k-means and scores the result.</summary>
    /// <param name="autoencoder">A trained autoencoder.</param>
    /// <param name="standardisedInput">The rows to cluster, scaled as for training (the same matrix, typically).</param>
    /// <param name="options">k-means options; null means <c>K = 3</c>, 10 restarts, the autoencoder's seed.</param>
    /// <returns>Codes, the k-means model and both spaces' silhouette and inertia.</returns>
    public static AutoencoderKMeansResult Fit(AutoencoderModel autoencoder, FeatureMatrix standardisedInput, KMeansOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(autoencoder);
        ArgumentNullException.ThrowIfNull(standardisedInput);
        options ??= new KMeansOptions { K = DefaultK, Seed = autoencoder.Options.Seed };
        var codes = autoencoder.Encode(standardisedInput);
        var kmeans = new KMeans(options).Fit(codes);
        var warnings = kmeans.Warnings.ToList();
        var distinct = kmeans.Labels.Distinct().Count();
        double? codeSilhouette = null;
        double? inputSilhouette = null;
        if (distinct >= 2 && distinct <= codes.Rows - 1)
        {
            codeSilhouette = ClusterMetrics.Silhouette(codes, kmeans.Labels);
            inputSilhouette = ClusterMetrics.Silhouette(standardisedInput, kmeans.Labels);
        }
        else
        {
            warnings.Add($"Silhouette is undefined with {distinct} distinct label(s) on {codes.Rows} rows (needs 2 to rows − 1); both silhouettes are null.");
        }

        return new AutoencoderKMeansResult
        {
            KMeans = kmeans,
            Codes = codes,
            InertiaCodeSpace = kmeans.Inertia,
            SilhouetteCodeSpace = codeSilhouette,
            InertiaInputSpace = ClusterMetrics.Inertia(standardisedInput, kmeans.Labels),
            SilhouetteInputSpace = inputSilhouette,
            Warnings = warnings,
        };
    }
}
