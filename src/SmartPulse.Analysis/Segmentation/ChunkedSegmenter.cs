using System.Globalization;
using SmartPulse.Analysis.Clustering;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Evaluation;
using SmartPulse.Analysis.Exploration;
using SmartPulse.Analysis.Preparation;

namespace SmartPulse.Analysis.Segmentation;

/// <summary>
/// KMeans segmentation of a file bigger than memory: the feature columns are streamed block by block
/// (<c>FeatureChunkReader</c>) and never held whole. Passes over the file: (1) row count, missing values, sums,
/// minimum and maximum, and a seeded reservoir sample of <c>sample</c> rows; (2) for standard scaling and exact Lloyd,
/// the sums of squared deviations; then either exact Lloyd (one pass per iteration, <c>StreamedLloyd</c>) or
/// mini-batch k-means fed from the blocks (<c>MiniBatchKMeans.FitStreamed</c>), and a last pass for the labels and
/// the inertia. Held in memory: one label per row (4 bytes), the sample and three blocks.
/// <para>
/// Equal to <see cref="ColumnarSegmenter"/> (same seed, k and restarts) when the sample holds every row and no feature
/// value is missing: the same scaling statistics, the same k-means++ start and the same Lloyd operations, so the
/// centroids, labels and inertia are bit-identical. Otherwise k-means++ seeds from the sample, medians (imputation) and
/// robust-scaling quantiles come from the sample, and the silhouette, Calinski–Harabasz and Davies–Bouldin are computed
/// on the sample (each said in a warning); the inertia is always over every row.
/// </para>
/// </summary>
public static class ChunkedSegmenter
{
    /// <summary>Fits a KMeans segmentation of the numeric <see cref="SegmentationOptions.Features"/> of <paramref name="path"/>.</summary>
    /// <param name="path">A delimited file (optionally gzip-compressed) or a Parquet file.</param>
    /// <param name="csv">How the file is read; null = defaults.</param>
    /// <param name="options">Features, k (null = k sweep on the sample), scaling, restarts, seed. KMeans only.</param>
    /// <param name="sample">Rows of the seeded reservoir sample (k-means++ seeding, k sweep, medians, sampled metrics); null = <see cref="ColumnarSegmenter.DefaultSweepSample"/>.</param>
    /// <param name="miniBatch">Batch size for mini-batch k-means; null = exact Lloyd (one pass per iteration).</param>
    /// <param name="progress">Called with the bytes consumed and the file size during each pass.</param>
    /// <param name="chunkRows">Rows per streamed block (a multiple of 8,192).</param>
    /// <param name="float32">Read the file once and hold the features as float32 (half the memory of float64), then run every pass on that copy instead of re-reading the file.</param>
    /// <exception cref="ArgumentException">Unknown or all-missing feature, k or restarts out of range, constant data.</exception>
    /// <exception cref="CsvFormatException">A value is not a number (file, line, column and value named).</exception>
    public static ColumnarSegmentation Fit(string path, CsvOptions? csv, SegmentationOptions options, int? sample = null, int? miniBatch = null,
        Action<long, long>? progress = null, int chunkRows = FeatureChunkReader.DefaultChunkRows, bool float32 = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options, chunkRows, sample);
        var features = options.Features.ToArray();
        var d = features.Length;
        IFeatureSource reader = new FeatureChunkReader(path, csv, features, chunkRows);
        if (float32)
        {
            reader = new Float32FeatureSource(reader, d, chunkRows, progress);
        }

        var stats = FirstPass(reader, d, sample ?? ColumnarSegmenter.DefaultSweepSample, options.Seed, progress);
        var n = checked((int)stats.Rows);
        if (options.K is { } kk && kk > n)
        {
            throw new ArgumentOutOfRangeException(nameof(options), kk, $"k must be between 1 and the number of rows ({n}); got {kk}.");
        }

        var warnings = new List<string>();
        var sampled = stats.SampleRows < n;
        var fills = new double[d];
        var steps = new List<FittedStep>();
        var learned = new List<LearnedFill>();
        for (var j = 0; j < d; j++)
        {
            if (stats.Missing[j] == n)
            {
                throw new ArgumentException($"Feature '{features[j]}' is missing in every row. Choose a column with values.", nameof(options));
            }

            fills[j] = stats.Missing[j] == 0 ? double.NaN : Stats.Median(SampleColumn(stats, j, d).Where(v => !double.IsNaN(v)).ToArray());
            if (stats.Missing[j] > 0)
            {
                learned.Add(new LearnedFill(features[j], ImputeStrategy.Median, fills[j], null));
            }
        }

        if (learned.Count > 0)
        {
            steps.Add(new FittedImputer(learned));
            if (sampled)
            {
                warnings.Add($"Missing values were filled with medians of a seeded sample of {stats.SampleRows} of the {n} rows.");
            }
        }

        steps.Add(new FittedSelect(features, false));
        var means = new double[d];
        for (var j = 0; j < d; j++)
        {
            means[j] = stats.Missing[j] == 0 ? stats.Sums[j] / n : (stats.Sums[j] + (stats.Missing[j] * fills[j])) / n;
        }

        var squares = options.Scale == ScalingKind.Standard || miniBatch is null ? SquaredDeviations(reader, means, fills, progress) : null;
        FittedScaler? scaler = null;
        var centers = new double[d];
        var spreads = Enumerable.Repeat(1.0, d).ToArray();
        if (options.Scale is { } kind)
        {
            var scaleWarnings = new List<string>();
            var scales = new List<ColumnScale>();
            for (var j = 0; j < d; j++)
            {
                var (center, spread) = kind switch
                {
                    ScalingKind.Standard => (means[j], Math.Sqrt(squares![j] / n)),
                    ScalingKind.MinMax => (stats.Min[j], stats.Max[j] - stats.Min[j]),
                    _ => Robust(SampleColumn(stats, j, d).Select(v => double.IsNaN(v) ? fills[j] : v).ToArray()),
                };
                var fitted = ColumnarSegmenter.Spread(features[j], center, spread, scaleWarnings);
                scales.Add(fitted);
                (centers[j], spreads[j]) = (fitted.Center, fitted.Scale);
            }

            scaler = new FittedScaler(kind, scales, scaleWarnings);
            steps.Add(scaler);
            if (kind == ScalingKind.Robust && sampled)
            {
                warnings.Add($"Robust scaling quantiles come from a seeded sample of {stats.SampleRows} of the {n} rows.");
            }
        }

        var pipeline = new FittedPipeline(steps, features, features);
        var constant = Enumerable.Range(0, d).All(j => stats.Min[j] == stats.Max[j]);
        if (constant)
        {
            throw new ArgumentException($"All {n} rows have the same values of {string.Join(", ", features)}: there is nothing to segment. Choose features that vary.", nameof(options));
        }

        IEnumerable<FeatureChunk> Prepared()
        {
            foreach (var chunk in reader.Read(progress))
            {
                Parallel.For(0, d, Parallelism.Options, j => Prepare(chunk.Column(j), fills[j], scaler is null ? 0 : centers[j], spreads[j]));
                yield return chunk;
            }
        }

        var ns = stats.SampleRows;
        var sampleColumns = new double[ns * d];
        for (var j = 0; j < d; j++)
        {
            SampleColumn(stats, j, d).CopyTo(sampleColumns.AsSpan(j * ns, ns));
            Prepare(sampleColumns.AsSpan(j * ns, ns), fills[j], scaler is null ? 0 : centers[j], spreads[j]);
        }

        var kmeans = new KMeansOptions { Restarts = options.Restarts, Seed = options.Seed };
        KSweepResult? sweep = null;
        var k = options.K ?? 0;
        if (options.K is null)
        {
            sweep = new KSweep(new KSweepOptions { MinK = options.MinK, MaxK = Math.Min(options.MaxK, ns - 1), KMeans = kmeans })
                .Fit(ColumnarSegmenter.SampleRows(sampleColumns, ns, features, ns, options.Seed));
            k = sweep.RecommendedK;
            if (sampled)
            {
                warnings.Add($"k was chosen by a k sweep on a seeded sample of {ns} of the {n} rows (--sample).");
            }
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["k"] = k.ToString(CultureInfo.InvariantCulture),
            ["restarts"] = options.Restarts.ToString(CultureInfo.InvariantCulture),
            ["seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
            ["out_of_core"] = "true",
        };
        if (float32)
        {
            parameters["float32"] = "true";
        }

        var sampleCore = new LloydCore(sampleColumns, ns, d);
        LloydResult? best = null;
        if (miniBatch is { } batchSize)
        {
            best = MiniBatchKMeans.FitStreamed(Prepared, n, sampleColumns, ns, d,
                new MiniBatchKMeansOptions { K = k, BatchSize = batchSize, Restarts = options.Restarts, Seed = options.Seed }, out var batchSteps);
            parameters["mini_batch"] = batchSize.ToString(CultureInfo.InvariantCulture);
            warnings.Add($"Mini-batch k-means fed from the file's blocks: {batchSteps} steps of {batchSize} rows.");
        }
        else
        {
            var meanVariance = Enumerable.Range(0, d).Average(j => squares![j] / n / (spreads[j] * spreads[j]));
            for (var r = 0; r < options.Restarts; r++)
            {
                var init = sampleCore.KMeansPlusPlus(k, new Random(KMeans.RestartSeed(options.Seed, r)));
                var run = StreamedLloyd.Run(Prepared, n, d, init, k, kmeans.MaxIterations, kmeans.Tolerance * meanVariance);
                if (best is null || run.Inertia < best.Inertia)
                {
                    best = run;
                }
            }

            if (sampled)
            {
                warnings.Add($"k-means++ chose the starting centres from a seeded sample of {ns} of the {n} rows.");
            }
        }

        if (!best!.Converged)
        {
            warnings.Add($"The best restart stopped at {best.Iterations} iterations before labels stopped changing.");
        }

        var sampleLabels = new int[ns];
        var sampleDist = new double[ns];
        sampleCore.Assign(best.Centers, k, sampleLabels, sampleDist);
        var sampleInertia = 0.0;
        foreach (var v in sampleDist)
        {
            sampleInertia += v;
        }

        var scores = ColumnarScores.Compute(sampleColumns, ns, d, sampleLabels, best.Centers, k, sampled ? sampleInertia : best.Inertia, options.Seed);
        if (sampled)
        {
            warnings.Add($"Silhouette, Calinski–Harabasz and Davies–Bouldin were computed on a seeded sample of {ns} of the {n} rows; the inertia on all rows.");
        }

        return ColumnarSegmenter.Assemble(best, k, features, pipeline, scaler, parameters, warnings, scores, sweep, stats.Missing.Sum(), options);
    }

    private static void Prepare(Span<double> col, double fill, double center, double spread)
    {
        foreach (ref var v in col)
        {
            if (double.IsNaN(v))
            {
                v = fill;
            }

            v = (v - center) / spread;
        }
    }

    private static (double Center, double Spread) Robust(double[] values)
    {
        Array.Sort(values);
        return (Stats.QuantileSorted(values, 0.5), Stats.QuantileSorted(values, 0.75) - Stats.QuantileSorted(values, 0.25));
    }

    private static double[] SampleColumn(FirstPassStats stats, int j, int d)
    {
        var result = new double[stats.SampleRows];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = stats.Sample[(i * d) + j];
        }

        return result;
    }

    private static FirstPassStats FirstPass(IFeatureSource reader, int d, int sampleSize, int seed, Action<long, long>? progress)
    {
        var missing = new long[d];
        var sums = new double[d];
        var min = Enumerable.Repeat(double.PositiveInfinity, d).ToArray();
        var max = Enumerable.Repeat(double.NegativeInfinity, d).ToArray();
        var sample = new double[(long)sampleSize * d];
        var random = new Random(seed);
        long rows = 0;
        foreach (var chunk in reader.Read(progress))
        {
            Parallel.For(0, d, Parallelism.Options, j =>
            {
                foreach (var v in chunk.Column(j))
                {
                    if (double.IsNaN(v))
                    {
                        missing[j]++;
                        continue;
                    }

                    sums[j] += v;
                    min[j] = Math.Min(min[j], v);
                    max[j] = Math.Max(max[j], v);
                }
            });
            for (var r = 0; r < chunk.Rows; r++, rows++)
            {
                // Reservoir sampling (Algorithm R): every row ends up in the sample with the same probability.
                var slot = rows < sampleSize ? rows : random.NextInt64(rows + 1);
                if (slot < sampleSize)
                {
                    for (var j = 0; j < d; j++)
                    {
                        sample[(slot * d) + j] = chunk.Values[(j * chunk.Capacity) + r];
                    }
                }
            }
        }

        if (rows == 0)
        {
            throw new CsvFormatException(reader.Path, null, null, "the file has a header but no data rows.");
        }

        if (rows > int.MaxValue)
        {
            throw new ArgumentException($"{reader.Path} has {rows} rows; segment handles at most {int.MaxValue} (one label per row). Split the file.");
        }

        var taken = (int)Math.Min(rows, sampleSize);
        return new FirstPassStats(rows, missing, sums, min, max, taken < sampleSize ? sample[..(taken * d)] : sample, taken);
    }

    private static double[] SquaredDeviations(IFeatureSource reader, double[] means, double[] fills, Action<long, long>? progress)
    {
        var d = means.Length;
        var squares = new double[d];
        foreach (var chunk in reader.Read(progress))
        {
            Parallel.For(0, d, Parallelism.Options, j =>
            {
                foreach (var x in chunk.Column(j))
                {
                    var delta = (double.IsNaN(x) ? fills[j] : x) - means[j];
                    squares[j] += delta * delta;
                }
            });
        }

        return squares;
    }

    private static void Validate(SegmentationOptions options, int chunkRows, int? sample)
    {
        if (options.Features is null || options.Features.Count == 0)
        {
            throw new ArgumentException("Give at least one feature column.", nameof(options));
        }

        if (options.Algorithm != SegmentationAlgorithm.KMeans)
        {
            throw new ArgumentException($"Out-of-core segmentation clusters with KMeans only; got {options.Algorithm}. Ward and DBSCAN need all pairwise distances: segment a sample.", nameof(options));
        }

        if (options.Features.Distinct(StringComparer.Ordinal).Count() != options.Features.Count)
        {
            throw new ArgumentException($"A feature is listed twice: {string.Join(", ", options.Features)}.", nameof(options));
        }

        if (options.K is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.K, $"k must be at least 1; got {options.K}.");
        }

        if (options.Restarts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Restarts, "Restarts must be at least 1.");
        }

        if (chunkRows < 8192 || chunkRows % 8192 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(chunkRows), chunkRows, "Blocks must be a positive multiple of 8,192 rows (the k-means work block).");
        }

        if (sample is < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(sample), sample, "--sample must be at least 2 rows.");
        }
    }

    private sealed record FirstPassStats(long Rows, long[] Missing, double[] Sums, double[] Min, double[] Max, double[] Sample, int SampleRows);
}
