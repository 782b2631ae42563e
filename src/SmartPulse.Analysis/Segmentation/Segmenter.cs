using System.Globalization;
using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Clustering;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Evaluation;
using SmartPulse.Analysis.Autoencoder;
using SmartPulse.Analysis.Exploration;
using SmartPulse.Analysis.Features;
using SmartPulse.Analysis.Insights;
using SmartPulse.Analysis.Preparation;

namespace SmartPulse.Analysis.Segmentation;

/// <summary>
/// Segments a customer table in one call (what <c>smartpulse segment</c> and the bring-your-own-data
/// notebook use): validate the features, impute missing values with the median, scale, choose k
/// (given, or the k sweep's recommendation), cluster, score, and package a saveable model.
/// </summary>
public static class Segmenter
{
    /// <summary>Fits a segmentation of <paramref name="frame"/>.</summary>
    /// <exception cref="ArgumentException">Bad options or data: unknown or non-numeric feature, all-missing column, k out of range, constant data. The message names the value and how to fix it.</exception>
    public static SegmentationRun Fit(DataFrame frame, SegmentationOptions options) => Fit(frame, options, null, CancellationToken.None);

    /// <summary>Fits a segmentation of <paramref name="frame"/>, reporting each stage and stopping when cancelled.</summary>
    /// <param name="frame">The customers.</param>
    /// <param name="options">Features, scaling, algorithm, k.</param>
    /// <param name="progress">Receives a short description of each stage as it starts (may be null).</param>
    /// <param name="cancellationToken">Checked between stages and between the k values of a sweep.</param>
    /// <exception cref="ArgumentException">Bad options or data (see the other overload).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static SegmentationRun Fit(DataFrame frame, SegmentationOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(options);
        Validate(frame, options);

        progress?.Report("Preparing the features");
        var steps = new List<IPreparationStep>();
        var withMissing = options.Features.Where(f => frame[f].NullCount > 0).ToArray();
        if (withMissing.Length > 0)
        {
            steps.Add(new Imputer(withMissing.Select(f => new ColumnImputation(f, ImputeStrategy.Median)).ToArray()));
        }

        steps.Add(new SelectColumns([.. options.Features]));
        if (options.Scale is { } kind)
        {
            steps.Add(new Scaler(kind, options.Features));
        }

        var (pipeline, prepared) = new PreparationPipeline([.. steps]) { Features = options.Features }.FitTransform(frame);
        var features = prepared.Features();
        var distinctRows = Enumerable.Range(0, features.Rows).Select(i => string.Join(",", features.Row(i).ToArray())).Distinct().Count();
        if (distinctRows < 2)
        {
            throw new ArgumentException($"All {features.Rows} rows have the same values of {string.Join(", ", options.Features)}: there is nothing to segment. Choose features that vary.", nameof(frame));
        }

        AutoencoderModel? autoencoder = null;
        if (options.Algorithm == SegmentationAlgorithm.AutoencoderKMeans)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report($"Training the autoencoder ({options.Epochs} epochs)");
            autoencoder = new DenseAutoencoder(new AutoencoderOptions { Epochs = options.Epochs, Seed = options.Seed }).Fit(features);
            features = autoencoder.Encode(features);
        }

        var kmeansOptions = new KMeansOptions { Restarts = options.Restarts, Seed = options.Seed };
        KSweepResult? sweep = null;
        var k = options.K ?? 0;
        if ((options.K is null || options.Sweep) && options.Algorithm != SegmentationAlgorithm.Dbscan && features.Rows > options.MinK)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report($"k sweep: KMeans for k = {options.MinK}..{Math.Min(options.MaxK, features.Rows - 1)}");
            sweep = new KSweep(new KSweepOptions { MinK = options.MinK, MaxK = Math.Min(options.MaxK, features.Rows - 1), KMeans = kmeansOptions }).Fit(features, cancellationToken);
            k = options.K ?? sweep.RecommendedK;
        }

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report($"Clustering ({options.Algorithm}{(options.Algorithm == SegmentationAlgorithm.Dbscan ? "" : ", k = " + k.ToString(CultureInfo.InvariantCulture))})");
        var (result, assigner, parameters) = Cluster(features, options, k, kmeansOptions, sweep);
        parameters["scale"] = options.Scale?.ToString().ToLowerInvariant() ?? "none";
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report("Scoring (silhouette, Calinski–Harabasz, Davies–Bouldin)");
        var scores = result.Score(features, seed: options.Seed);
        var names = prepared.SourceRows.Count == frame.Rows.Count && result.Labels.Any(l => l >= 0)
            ? NameSegments(frame, result, options.Naming)
            : null;
        var metadata = SegmentationMetadata.Create(result, scores, parameters, options.Features, pipeline.FeatureNames) with
        {
            SegmentNames = names,
            TrainingMedians = options.Features.ToDictionary(
                f => f,
                f => Stats.Median(FrameOps.Numeric(frame, f, "segment").OfType<double>().ToArray()),
                StringComparer.Ordinal),
        };
        var segmentation = new SegmentationModel(pipeline, assigner, metadata, autoencoder);
        var original = autoencoder is null
            ? SegmentationModel.ToInputUnits(pipeline, result.Centroids)
            : SegmentMeans(frame, prepared.SourceRows, result.Labels, result.ClusterCount, options.Features);
        return new SegmentationRun(prepared, features, result, scores, original, sweep, segmentation);
    }

    private static (ClusteringResult Result, SegmentAssigner Assigner, Dictionary<string, string> Parameters) Cluster(
        FeatureMatrix features, SegmentationOptions options, int k, KMeansOptions kmeansOptions, KSweepResult? sweep)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (options.Algorithm)
        {
            case SegmentationAlgorithm.KMeans or SegmentationAlgorithm.AutoencoderKMeans:
            {
                var model = sweep is not null && sweep.Models.Any(m => m.K == k) ? sweep.Model(k) : new KMeans(kmeansOptions with { K = k }).Fit(features);
                parameters["k"] = k.ToString(CultureInfo.InvariantCulture);
                parameters["restarts"] = options.Restarts.ToString(CultureInfo.InvariantCulture);
                parameters["seed"] = options.Seed.ToString(CultureInfo.InvariantCulture);
                if (options.Algorithm == SegmentationAlgorithm.AutoencoderKMeans)
                {
                    parameters["autoencoder"] = "6-3-6";
                    parameters["epochs"] = options.Epochs.ToString(CultureInfo.InvariantCulture);
                }

                return (model.ToResult(features), new NearestCentroid(model.Centroids), parameters);
            }

            case SegmentationAlgorithm.Ward:
            {
                var result = new Ward(new WardOptions { K = k }).Fit(features).ToResult(features);
                parameters["k"] = k.ToString(CultureInfo.InvariantCulture);
                return (result, new NearestCentroid(result.Centroids), parameters);
            }

            default:
            {
                var model = new Dbscan(new DbscanOptions { Eps = options.Eps, MinPoints = options.MinPoints }).Fit(features);
                var core = Enumerable.Range(0, features.Rows).Where(i => model.IsCore[i]).ToArray();
                var assigner = new NearestCorePoint(core.Select(i => (IReadOnlyList<double>)features.Row(i).ToArray()).ToArray(), core.Select(i => model.Labels[i]).ToArray(), options.Eps);
                parameters["eps"] = options.Eps.ToString("R", CultureInfo.InvariantCulture);
                parameters["min_points"] = options.MinPoints.ToString(CultureInfo.InvariantCulture);
                return (model.ToResult(features), assigner, parameters);
            }
        }
    }

    private static IReadOnlyList<string> NameSegments(DataFrame frame, ClusteringResult result, NamingOptions? naming)
    {
        var names = SegmentInsights.Name(frame, result.Labels, naming).ToDictionary(n => n.Segment, n => n.Name);
        return Enumerable.Range(0, result.ClusterCount)
            .Select(s => names.TryGetValue(s, out var n) ? n : "Segment " + s.ToString(CultureInfo.InvariantCulture))
            .ToArray();
    }

    private static IReadOnlyList<IReadOnlyList<double>> SegmentMeans(DataFrame frame, IReadOnlyList<int> sourceRows, IReadOnlyList<int> labels, int k, IReadOnlyList<string> features)
    {
        var means = new IReadOnlyList<double>[k];
        var columns = features.Select(f => FrameColumns.Numeric(frame[f])).ToArray();
        for (var c = 0; c < k; c++)
        {
            var members = Enumerable.Range(0, labels.Count).Where(i => labels[i] == c).Select(i => sourceRows[i]).ToArray();
            means[c] = columns.Select(col => members.Select(r => col[r]).OfType<double>().DefaultIfEmpty(double.NaN).Average()).ToArray();
        }

        return means;
    }

    private static void Validate(DataFrame frame, SegmentationOptions options)
    {
        if (options.Features is null || options.Features.Count == 0)
        {
            throw new ArgumentException($"Give at least one feature column. Columns: {string.Join(", ", frame.Columns.Select(c => c.Name))}.", nameof(options));
        }

        foreach (var feature in options.Features)
        {
            var index = frame.Columns.IndexOf(feature);
            if (index < 0)
            {
                throw new ArgumentException($"Feature '{feature}' is not a column. Columns: {string.Join(", ", frame.Columns.Select(c => c.Name))}.", nameof(options));
            }

            var column = frame.Columns[index];
            if (!FrameColumns.IsNumeric(column))
            {
                throw new ArgumentException($"Feature '{feature}' holds text ({column.DataType.Name}); segmentation needs numbers. Encode it first (one-hot or ordinal in a preparation pipeline) or choose a numeric column.", nameof(options));
            }

            if (column.NullCount == column.Length)
            {
                throw new ArgumentException($"Feature '{feature}' is missing in every row. Choose a column with values.", nameof(options));
            }
        }

        if (options.Features.Distinct(StringComparer.Ordinal).Count() != options.Features.Count)
        {
            throw new ArgumentException($"A feature is listed twice: {string.Join(", ", options.Features)}.", nameof(options));
        }

        var rows = frame.Rows.Count;
        if (options.K is { } k && (k < 1 || k > rows))
        {
            throw new ArgumentOutOfRangeException(nameof(options), k, $"k must be between 1 and the number of rows ({rows}); got {k}.");
        }

        if (options.K is null && options.Algorithm != SegmentationAlgorithm.Dbscan && (options.MinK < 2 || options.MaxK < options.MinK || rows < 3))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"Automatic k needs 2 ≤ MinK ≤ MaxK and at least 3 rows; got MinK {options.MinK}, MaxK {options.MaxK}, {rows} rows.");
        }

        if (options.Restarts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Restarts, "Restarts must be at least 1 (10 is scikit-learn's classic n_init).");
        }
    }
}
