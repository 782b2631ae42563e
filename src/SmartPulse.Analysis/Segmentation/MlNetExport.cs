using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using SmartPulse.Analysis.Preparation;

namespace SmartPulse.Analysis.Segmentation;

/// <summary>
/// Turns a <see cref="SegmentationModel"/> into an ML.NET model built only from ML.NET's own transforms, so a
/// service that deploys with ML.NET scores the same segments with <c>MLContext.Model.Load</c> and a
/// <c>PredictionEngine</c>, without SmartPulse:
/// <list type="number">
/// <item>Preparation: per feature one <c>Transforms.Expression</c> in double precision that applies the fitted
/// imputation (<c>x ?? fill</c>) and scaling (<c>(x − centre) / scale</c>) with the learned constants written
/// round-trip, the same IEEE operations as <see cref="FittedImputer"/> and <see cref="FittedScaler"/>; then a
/// conversion to float and one <c>Features</c> vector.</item>
/// <item>Nearest centroid: ML.NET's <c>KMeansTrainer</c> trained on exactly the k centroids (k-means++ seeds each
/// centroid as its own cluster, so its centres are the centroids rounded to float), followed by a
/// <c>MapValue</c> from ML.NET's cluster id to the SmartPulse segment id.</item>
/// </list>
/// Input: one <see cref="double"/> column per name in <see cref="SegmentationMetadata.InputFeatures"/> (NaN = missing,
/// filled when the pipeline imputes that column). Output: the input columns plus <see cref="SegmentColumn"/> (Int32).
/// ML.NET's k-means scores in float, SmartPulse in double: a row within float rounding of two centroids could be
/// assigned differently (the tests find none on the four sample datasets). Supported pipelines: select, impute
/// (numbers) and scale steps with a nearest-centroid assigner (KMeans, Ward); DBSCAN, the autoencoder and other
/// steps are refused with a message naming them.
/// </summary>
internal static class MlNetExport
{
    /// <summary>The output column holding the segment id.</summary>
    public const string SegmentColumn = "Segment";

    private const string Prefix = "__smartpulse_";
    private const string FeaturesColumn = Prefix + "features";

    public static void Save(SegmentationModel model, Stream stream, int seed)
    {
        var context = new MLContext(seed);
        var (transformer, input) = Build(model, context);
        context.Model.Save(transformer, input.Schema, stream);
    }

    private static (ITransformer Transformer, IDataView Input) Build(SegmentationModel model, MLContext context)
    {
        if (model.Autoencoder is not null)
        {
            throw new NotSupportedException("This model clusters autoencoder codes; ML.NET has no transform for the encoder, so it cannot be exported. Export a KMeans or Ward model.");
        }

        if (model.Assigner is not NearestCentroid nearest)
        {
            throw new NotSupportedException($"This model assigns segments by '{model.Assigner.GetType().Name}' (DBSCAN's nearest core point within eps); only nearest-centroid models (KMeans, Ward) export to ML.NET.");
        }

        var features = model.Pipeline.FeatureNames;
        var inputs = model.Metadata.InputFeatures;
        if (features.Concat(inputs).FirstOrDefault(n => n == SegmentColumn || n.StartsWith(Prefix, StringComparison.Ordinal)) is { } clash)
        {
            throw new NotSupportedException($"The column '{clash}' clashes with the ML.NET output column '{SegmentColumn}' or the exporter's '{Prefix}*' columns; rename it before fitting.");
        }

        var expressions = FeatureExpressions(model.Pipeline);
        var loader = context.Data.CreateTextLoader(inputs.Select((n, i) => new TextLoader.Column(n, DataKind.Double, i)).ToArray());
        var input = loader.Load(new MultiFileSource(Array.Empty<string>()));

        IEstimator<ITransformer> prepare = new EstimatorChain<ITransformer>();
        for (var j = 0; j < features.Count; j++)
        {
            prepare = prepare.Append(context.Transforms.Expression($"{Prefix}d{j}", "x : " + expressions[features[j]], features[j]));
        }

        prepare = prepare
            .Append(context.Transforms.Conversion.ConvertType(features.Select((_, j) => new InputOutputColumnPair($"{Prefix}f{j}", $"{Prefix}d{j}")).ToArray(), DataKind.Single))
            .Append(context.Transforms.Concatenate(FeaturesColumn, features.Select((_, j) => $"{Prefix}f{j}").ToArray()));
        var prepared = prepare.Fit(input);

        var (kmeans, clusterToSegment) = CentroidKMeans(context, nearest.Centroids, features.Count);
        var clustered = prepared.Append(kmeans);
        var keyed = context.Transforms.Conversion.ConvertType($"{Prefix}cluster", "PredictedLabel", DataKind.UInt32).Fit(clustered.Transform(input));
        var withKey = clustered.Append(keyed);
        var lookup = context.Data.LoadFromEnumerable(clusterToSegment.Select((segment, c) => new ClusterSegment { Cluster = (uint)(c + 1), Segment = segment }));
        var map = context.Transforms.Conversion.MapValue(SegmentColumn, lookup, lookup.Schema[nameof(ClusterSegment.Cluster)], lookup.Schema[nameof(ClusterSegment.Segment)], $"{Prefix}cluster").Fit(withKey.Transform(input));
        var mapped = withKey.Append(map);
        var scored = mapped.Transform(input);
        var temporary = scored.Schema.Select(c => c.Name).Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) || n is "PredictedLabel" or "Score").Distinct().ToArray();
        var drop = context.Transforms.DropColumns(temporary).Fit(scored);
        return (mapped.Append(drop), input);
    }

    /// <summary>Per model feature, the expression (in <c>x</c>, the raw input column) that the fitted steps compute.</summary>
    private static Dictionary<string, string> FeatureExpressions(FittedPipeline pipeline)
    {
        var current = pipeline.RequiredInputs.Concat(pipeline.FeatureNames).Distinct().ToDictionary(n => n, _ => "x", StringComparer.Ordinal);
        foreach (var step in pipeline.Steps)
        {
            switch (step)
            {
                case FittedSelect:
                    break;
                case FittedImputer imputer:
                    foreach (var fill in imputer.Fills)
                    {
                        var number = fill.Number ?? throw new NotSupportedException($"The imputer fills the text column '{fill.Column}'; only numeric features export to ML.NET.");
                        current[fill.Column] = $"({current.GetValueOrDefault(fill.Column, "x")} ?? {Literal(number)})";
                    }

                    break;
                case FittedScaler scaler:
                    foreach (var c in scaler.Columns)
                    {
                        current[c.Column] = $"(({current.GetValueOrDefault(c.Column, "x")} - {Literal(c.Center)}) / {Literal(c.Scale)})";
                    }

                    break;
                default:
                    throw new NotSupportedException($"The pipeline step '{step.Name}' ({step.GetType().Name}) has no ML.NET equivalent in the exporter; exportable steps are select, impute (numbers) and scale.");
            }
        }

        return current;
    }

    /// <summary>A double literal of ML.NET's expression language, round-trip exact (suffix <c>d</c>; a bare literal is float).</summary>
    internal static string Literal(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture).Replace("E+", "E", StringComparison.Ordinal);
        return value < 0 ? $"(-{text[1..]}d)" : text + "d";
    }

    /// <summary>ML.NET's k-means trained on the k centroids themselves, and the segment id of each of its clusters.</summary>
    private static (ClusteringPredictionTransformer<KMeansModelParameters> Model, int[] ClusterToSegment) CentroidKMeans(MLContext context, IReadOnlyList<IReadOnlyList<double>> centroids, int columns)
    {
        var points = centroids.Select(c => c.Select(v => (float)v).ToArray()).ToArray();
        for (var a = 0; a < points.Length; a++)
        {
            for (var b = a + 1; b < points.Length; b++)
            {
                if (points[a].AsSpan().SequenceEqual(points[b]))
                {
                    throw new NotSupportedException($"Segments {a} and {b} have the same centroid in float precision, so ML.NET's k-means cannot tell them apart.");
                }
            }
        }

        var schema = SchemaDefinition.Create(typeof(CentroidRow));
        schema[nameof(CentroidRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, columns);
        schema[nameof(CentroidRow.Features)].ColumnName = FeaturesColumn;
        var data = context.Data.LoadFromEnumerable(points.Select(p => new CentroidRow { Features = p }), schema);
        var trainer = context.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = FeaturesColumn,
            NumberOfClusters = points.Length,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            MaximumNumberOfIterations = 1,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(data);
        VBuffer<float>[] trained = [];
        model.Model.GetClusterCentroids(ref trained, out var found);
        var clusterToSegment = new int[found];
        for (var c = 0; c < found; c++)
        {
            var values = trained[c].DenseValues().ToArray();
            clusterToSegment[c] = Array.FindIndex(points, p => p.AsSpan().SequenceEqual(values));
            if (clusterToSegment[c] < 0)
            {
                throw new InvalidOperationException($"ML.NET's k-means moved cluster {c + 1} off every centroid; the export would not reproduce the segments.");
            }
        }

        if (found != points.Length || clusterToSegment.Distinct().Count() != points.Length)
        {
            throw new InvalidOperationException($"ML.NET's k-means made {found} cluster(s) from {points.Length} centroids, not one per centroid; the export would not reproduce the segments.");
        }

        return (model, clusterToSegment);
    }

    private sealed class CentroidRow
    {
        public float[] Features { get; set; } = [];
    }

    private sealed class ClusterSegment
    {
        public uint Cluster { get; set; }

        public int Segment { get; set; }
    }
}
