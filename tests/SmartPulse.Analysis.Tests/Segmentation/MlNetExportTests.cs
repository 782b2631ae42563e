using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Preparation;
using SmartPulse.Analysis.Samples;
using SmartPulse.Analysis.Segmentation;

namespace SmartPulse.Analysis.Tests.Segmentation;

/// <summary>
/// A fitted segmentation exported to ML.NET scores, through MLContext.Model.Load and a PredictionEngine, exactly the
/// segments SmartPulse gives, on every row of the four sample datasets.
/// </summary>
public class MlNetExportTests
{
    public static TheoryData<string, string[], ScalingKind, int> Cases => new()
    {
        { "Mall_Customers.csv", ["Age", "Annual Income (k$)", "Spending Score (1-100)"], ScalingKind.Standard, 5 },
        { "Customers.csv", ["Age", "Annual Income ($)", "Spending Score (1-100)", "Work Experience", "Family Size"], ScalingKind.MinMax, 6 },
        // Income is missing in 24 rows: the exported model fills them with the training median, as the pipeline does.
        { "marketing_campaign.csv", ["Income", "Recency", "MntWines", "MntMeatProducts", "MntGoldProds", "NumDealsPurchases", "NumWebPurchases", "NumStorePurchases", "NumWebVisitsMonth"], ScalingKind.Standard, 6 },
        { "ifood_df.csv", ["Income", "Age", "Recency", "MntTotal", "NumWebVisitsMonth", "Customer_Days", "Kidhome", "Teenhome"], ScalingKind.Robust, 7 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_ML_NET_model_scores_the_same_segments(string file, string[] features, ScalingKind scale, int k)
    {
        var frame = Datasets.All.Single(d => d.FileName == file).Load();
        var run = Segmenter.Fit(frame, new SegmentationOptions { Features = features, K = k, Scale = scale, Seed = 0 });
        var expected = run.Model.Score(frame).Segments;
        Assert.Equal(k, expected.Distinct().Count());

        using var zip = new MemoryStream();
        run.Model.SaveMlNet(zip);
        zip.Position = 0;
        var context = new MLContext();
        var loaded = context.Model.Load(zip, out var inputSchema);
        Assert.Equal(features.Order(StringComparer.Ordinal), inputSchema.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(inputSchema, c => Assert.Equal(NumberDataViewType.Double, c.Type));

        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        for (var i = schema.Count - 1; i >= 0; i--)
        {
            var index = int.Parse(schema[i].MemberName[1..], System.Globalization.CultureInfo.InvariantCulture);
            if (index >= features.Length)
            {
                schema.RemoveAt(i);
            }
            else
            {
                schema[i].ColumnName = features[index];
            }
        }

        var engine = context.Model.CreatePredictionEngine<FeatureRow, SegmentPrediction>(loaded, ignoreMissingColumns: true, inputSchemaDefinition: schema);
        var columns = features.Select(f => FrameColumns.Numeric(frame[f])).ToArray();
        var actual = new int[frame.Rows.Count];
        for (var r = 0; r < actual.Length; r++)
        {
            var row = new FeatureRow();
            for (var j = 0; j < features.Length; j++)
            {
                FeatureRow.Set(row, j, columns[j][r] ?? double.NaN);
            }

            actual[r] = engine.Predict(row).Segment;
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_DBSCAN_model_is_refused_with_the_reason()
    {
        var frame = Datasets.Mall.Load();
        var run = Segmenter.Fit(frame, new SegmentationOptions { Features = ["Annual Income (k$)", "Spending Score (1-100)"], Algorithm = SegmentationAlgorithm.Dbscan, Eps = 0.3, MinPoints = 5 });
        var error = Assert.Throws<NotSupportedException>(() => run.Model.SaveMlNet(new MemoryStream()));
        Assert.Contains("nearest-centroid", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(38.85, "38.85d")]
    [InlineData(-0.5, "(-0.5d)")]
    [InlineData(1e20, "1E20d")]
    [InlineData(-1.2345678901234568E-05, "(-1.2345678901234568E-05d)")]
    public void Constants_are_written_as_exact_double_literals(double value, string literal) =>
        Assert.Equal(literal, MlNetExport.Literal(value));

    public sealed class SegmentPrediction
    {
        public int Segment { get; set; }
    }

    /// <summary>Up to 12 double inputs; the schema definition renames F0, F1, … to the model's feature names.</summary>
    public sealed class FeatureRow
    {
        public double F0 { get; set; }

        public double F1 { get; set; }

        public double F2 { get; set; }

        public double F3 { get; set; }

        public double F4 { get; set; }

        public double F5 { get; set; }

        public double F6 { get; set; }

        public double F7 { get; set; }

        public double F8 { get; set; }

        public double F9 { get; set; }

        public double F10 { get; set; }

        public double F11 { get; set; }

        public static void Set(FeatureRow row, int index, double value) =>
            typeof(FeatureRow).GetProperty("F" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), BindingFlags.Public | BindingFlags.Instance)!.SetValue(row, value);
    }
}
