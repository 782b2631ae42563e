using System.Globalization;
using SmartPulse.Analysis.Clustering;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Evaluation;
using SmartPulse.Analysis.Exploration;
using SmartPulse.Analysis.Features;
using SmartPulse.Analysis.Preparation;

namespace SmartPulse.Analysis.Segmentation;

/// <summary>
/// KMeans segmentation of a <see cref="ColumnarTable"/> at scale, with the numbers held once: the
/// features move into one contiguous column-major float64 matrix (released from the table as they
/// move), are median-imputed and scaled in place, and clustered by the same k-means++ and Lloyd
/// code as <see cref="KMeans"/> — the model (centroids, labels, inertia) is bit-identical to
/// <c>Segmenter.Fit</c> with the same seed, up to the last bits of the scaling statistics
/// (computed here without sorting). Calinski–Harabasz and Davies–Bouldin are exact; the silhouette is
/// exact up to 30,000 rows and sampled above. The model zip is the same format <c>score</c> reads.
/// </summary>
public static class ColumnarSegmenter
{
    /// <summary>Rows the k sweep uses by default when k is automatic on a large table.</summary>
    public const int DefaultSweepSample = 100_000;

    /// <summary>Fits a KMeans segmentation of <paramref name="table"/> (consumes the feature columns).</summary>
    /// <param name="table">The data; the feature columns are moved out of it.</param>
    /// <param name="options">Features, k (null = k sweep), scaling, restarts, seed. Only KMeans is supported here.</param>
    /// <param name="sweepSample">Rows drawn (seeded) for the k sweep when k is automatic; null = <see cref="DefaultSweepSample"/>.</param>
    /// <exception cref="ArgumentException">Unknown, non-numeric (with file, line and value) or all-missing feature; k out of range; constant data.</exception>
    /// <param name="miniBatch">Batch size for mini-batch k-means (scikit-learn's MiniBatchKMeans, <see cref="MiniBatchKMeansOptions"/> defaults otherwise); null = exact Lloyd.</param>
    public static ColumnarSegmentation Fit(ColumnarTable table, SegmentationOptions options, int? sweepSample = null, int? miniBatch = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        Validate(table, options);
        var features = options.Features.ToArray();
        var n = table.Rows;
        var d = features.Length;
        var matrix = table.TakeColumnMajor(features);
        var fills = new List<LearnedFill>();
        var imputed = 0L;
        for (var j = 0; j < d; j++)
        {
            var missing = table.Columns.First(c => c.Name == features[j]).MissingCount;
            if (missing == 0)
            {
                continue;
            }

            var col = matrix.AsSpan(j * n, n);
            var present = new double[n - missing];
            var p = 0;
            foreach (var v in col)
            {
                if (!double.IsNaN(v))
                {
                    present[p++] = v;
                }
            }

            var median = Stats.Median(present);
            foreach (ref var v in col)
            {
                if (double.IsNaN(v))
                {
                    v = median;
                }
            }

            fills.Add(new LearnedFill(features[j], ImputeStrategy.Median, median, null));
            imputed += missing;
        }

        var steps = new List<FittedStep>();
        if (fills.Count > 0)
        {
            steps.Add(new FittedImputer(fills));
        }

        steps.Add(new FittedSelect(features, false));
        FittedScaler? scaler = null;
        if (options.Scale is { } kind)
        {
            scaler = Scale(matrix, n, features, kind);
            steps.Add(scaler);
        }

        var pipeline = new FittedPipeline(steps, features, features);
        var core = new LloydCore(matrix, n, d);
        if (core.MeanVariance == 0)
        {
            throw new ArgumentException($"All {n} rows have the same values of {string.Join(", ", features)}: there is nothing to segment. Choose features that vary.", nameof(table));
        }

        var kmeans = new KMeansOptions { Restarts = options.Restarts, Seed = options.Seed };
        KSweepResult? sweep = null;
        var k = options.K ?? 0;
        var warnings = new List<string>();
        if (options.K is null)
        {
            var sample = SampleRows(matrix, n, features, sweepSample ?? DefaultSweepSample, options.Seed);
            sweep = new KSweep(new KSweepOptions { MinK = options.MinK, MaxK = Math.Min(options.MaxK, sample.Rows - 1), KMeans = kmeans }).Fit(sample);
            k = sweep.RecommendedK;
            if (sample.Rows < n)
            {
                warnings.Add($"k was chosen by a k sweep on a seeded sample of {sample.Rows} of the {n} rows (--sample).");
            }
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["k"] = k.ToString(CultureInfo.InvariantCulture),
            ["restarts"] = options.Restarts.ToString(CultureInfo.InvariantCulture),
            ["seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
        };
        LloydResult? best = null;
        var tolerance = kmeans.Tolerance * core.MeanVariance;
        if (miniBatch is { } batchSize)
        {
            best = MiniBatchKMeans.Fit(matrix, n, d, new MiniBatchKMeansOptions { K = k, BatchSize = batchSize, Restarts = options.Restarts, Seed = options.Seed }, out var batchSteps);
            parameters["mini_batch"] = batchSize.ToString(CultureInfo.InvariantCulture);
            warnings.Add($"Mini-batch k-means: {batchSteps} steps of {batchSize} rows.");
        }

        for (var r = 0; r < options.Restarts && miniBatch is null; r++)
        {
            var init = core.KMeansPlusPlus(k, new Random(KMeans.RestartSeed(options.Seed, r)));
            var run = core.Lloyd(init, k, kmeans.MaxIterations, tolerance);
            if (best is null || run.Inertia < best.Inertia)
            {
                best = run;
            }
        }

        var scores = ColumnarScores.Compute(matrix, n, d, best!.Labels, best.Centers, k, best.Inertia, options.Seed);
        return Assemble(best, k, features, pipeline, scaler, parameters, warnings, scores, sweep, imputed, options);
    }

    /// <summary>The model, result and original-unit centroids of a finished k-means run (shared with <see cref="ChunkedSegmenter"/>).</summary>
    internal static ColumnarSegmentation Assemble(LloydResult best, int k, string[] features, FittedPipeline pipeline, FittedScaler? scaler,
        Dictionary<string, string> parameters, List<string> warnings, ClusterScores scores, KSweepResult? sweep, long imputed, SegmentationOptions options)
    {
        var d = features.Length;
        var centroids = Enumerable.Range(0, k).Select(c => (IReadOnlyList<double>)best!.Centers.AsSpan(c * d, d).ToArray()).ToArray();
        var sizes = new int[k];
        foreach (var l in best.Labels)
        {
            sizes[l]++;
        }

        if (!best.Converged)
        {
            warnings.Add($"The best restart stopped at {best.Iterations} iterations before labels stopped changing.");
        }

        var result = new ClusteringResult("kmeans", parameters, features, best.Labels, k, sizes, 0, centroids, best.Inertia, warnings);
        var original = centroids.Select(c => (IReadOnlyList<double>)features.Select((f, j) => scaler is null ? c[j] : scaler.Inverse(f, c[j])).ToArray()).ToArray();
        var metaParameters = new Dictionary<string, string>(parameters) { ["scale"] = options.Scale?.ToString().ToLowerInvariant() ?? "none" };
        var metadata = SegmentationMetadata.Create(result, scores, metaParameters, features, features);
        var model = new SegmentationModel(pipeline, new NearestCentroid(centroids), metadata);
        return new ColumnarSegmentation(model, result, scores, original, sweep, imputed, best.Iterations);
    }

    private static FittedScaler Scale(double[] matrix, int n, string[] features, ScalingKind kind)
    {
        var scales = new List<ColumnScale>();
        var warnings = new List<string>();
        for (var j = 0; j < features.Length; j++)
        {
            var col = matrix.AsSpan(j * n, n);
            double center, scale;
            if (kind == ScalingKind.Standard)
            {
                center = Stats.Mean(col);
                scale = Stats.StandardDeviation(col, ddof: 0);
            }
            else if (kind == ScalingKind.MinMax)
            {
                center = double.PositiveInfinity;
                var max = double.NegativeInfinity;
                foreach (var v in col)
                {
                    center = Math.Min(center, v);
                    max = Math.Max(max, v);
                }

                scale = max - center;
            }
            else
            {
                var sorted = col.ToArray();
                Array.Sort(sorted);
                center = Stats.QuantileSorted(sorted, 0.5);
                scale = Stats.QuantileSorted(sorted, 0.75) - Stats.QuantileSorted(sorted, 0.25);
            }

            var fitted = Spread(features[j], center, scale, warnings);
            foreach (ref var v in col)
            {
                v = (v - fitted.Center) / fitted.Scale;
            }

            scales.Add(fitted);
        }

        return new FittedScaler(kind, scales, warnings);
    }

    /// <summary>A column's scaling; zero spread is scaled by 1 (only centred), with a warning.</summary>
    internal static ColumnScale Spread(string feature, double center, double scale, List<string> warnings)
    {
        if (!(scale > 0))
        {
            warnings.Add($"{feature} has zero spread in the training data; it is scaled by 1 (only centred).");
            scale = 1;
        }

        return new ColumnScale(feature, center, scale);
    }

    /// <summary>A seeded sample of rows (all rows when there are no more than <paramref name="size"/>), as a row-major matrix.</summary>
    internal static FeatureMatrix SampleRows(double[] matrix, int n, IReadOnlyList<string> features, int size, int seed)
    {
        var d = features.Count;
        int[] rows;
        if (n <= size)
        {
            rows = Enumerable.Range(0, n).ToArray();
        }
        else
        {
            var random = new Random(seed);
            var set = new HashSet<int>();
            while (set.Count < size)
            {
                set.Add(random.Next(n));
            }

            rows = [.. set.Order()];
        }

        var values = new double[rows.Length * d];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < d; j++)
            {
                values[(i * d) + j] = matrix[(j * n) + rows[i]];
            }
        }

        return new FeatureMatrix(values, rows.Length, features);
    }

    private static void Validate(ColumnarTable table, SegmentationOptions options)
    {
        var names = table.Columns.Select(c => c.Name).ToList();
        if (options.Features is null || options.Features.Count == 0)
        {
            throw new ArgumentException($"Give at least one feature column. Columns: {string.Join(", ", names)}.", nameof(options));
        }

        if (options.Algorithm != SegmentationAlgorithm.KMeans)
        {
            throw new ArgumentException($"The columnar path clusters with KMeans only; got {options.Algorithm}. Use Segmenter.Fit on a DataFrame for Ward and DBSCAN (they need all pairwise distances).", nameof(options));
        }

        foreach (var feature in options.Features)
        {
            var column = table.Columns.FirstOrDefault(c => c.Name == feature)
                ?? throw new ArgumentException($"Feature '{feature}' is not a column. Columns: {string.Join(", ", names)}.", nameof(options));
            if (column.Kind is not (ColumnKind.Integer or ColumnKind.Double))
            {
                throw new ArgumentException(ColumnarTable.NotNumericMessage(table.SourcePath, column), nameof(options));
            }

            if (column.MissingCount == table.Rows)
            {
                throw new ArgumentException($"Feature '{feature}' is missing in every row. Choose a column with values.", nameof(options));
            }
        }

        if (options.Features.Distinct(StringComparer.Ordinal).Count() != options.Features.Count)
        {
            throw new ArgumentException($"A feature is listed twice: {string.Join(", ", options.Features)}.", nameof(options));
        }

        if (options.K is { } k && (k < 1 || k > table.Rows))
        {
            throw new ArgumentOutOfRangeException(nameof(options), k, $"k must be between 1 and the number of rows ({table.Rows}); got {k}.");
        }

        if (options.Restarts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Restarts, "Restarts must be at least 1 (10 is scikit-learn's classic n_init).");
        }
    }
}
