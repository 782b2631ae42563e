using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace SmartPulse.Analysis.Clustering;

/// <summary>One ML.NET <c>KMeansTrainer</c> run (k-means++ initialisation, one thread, seeded), returning its centroids.</summary>
internal static class MlNetKMeansRunner
{
    public static double[] Centroids(float[][] rows, int columns, int k, int maxIterations, int seed)
    {
        var context = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, columns);
        var view = context.Data.LoadFromEnumerable(rows.Select(r => new FeatureRow { Features = r }), schema);
        var trainer = context.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = nameof(FeatureRow.Features),
            NumberOfClusters = k,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            MaximumNumberOfIterations = maxIterations,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(view);
        VBuffer<float>[] centroids = [];
        model.Model.GetClusterCentroids(ref centroids, out var found);
        var result = new double[k * columns];
        for (var c = 0; c < Math.Min(found, k); c++)
        {
            var values = centroids[c].DenseValues().ToArray();
            for (var j = 0; j < columns; j++)
            {
                result[(c * columns) + j] = values[j];
            }
        }

        return result;
    }

    private sealed class FeatureRow
    {
        public float[] Features { get; set; } = [];
    }
}
