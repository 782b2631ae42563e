using System.Text.Json;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Preparation;
using SmartPulse.Analysis.Samples;

namespace SmartPulse.Analysis.Tests.Preparation;

/// <summary>
/// The marketing-campaign preparation against scikit-learn 1.2.1: expected values in
/// Expected/sklearn_preparation.json, written by Expected/make_sklearn_preparation.py (the same
/// steps in pandas, StandardScaler, PCA(n_components=3, svd_solver="full")).
/// </summary>
public class PreparationRealDataTests
{
    private static readonly JsonElement _expected =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Expected", "sklearn_preparation.json"))).RootElement;

    private static readonly string[] _features =
    [
        "Income", "Recency", "Age", "Customer_Tenure_Days", "Total_Spending", "Total_Children", "Total_Purchases",
        "Total_Accepted_Campaigns", "NumDealsPurchases", "NumWebVisitsMonth", "Education_Level", "Living_With_Partner",
    ];

    internal static PreparationPipeline MarketingPipeline(int pcaComponents = 3) => new(
        new Imputer(new ColumnImputation("Income", ImputeStrategy.Median)),
        new MarketingFeatures(referenceYear: 2014),
        new Cleaner { Rules = [CleaningRule.Where("Age", ">=", 90), CleaningRule.Where("Income", ">=", 600000)], IdColumn = "ID" },
        new OrdinalEncoder(new OrdinalColumn("Education_Level", ["Undergraduate", "Graduate", "Postgraduate"])),
        new OneHotEncoder("Living_With") { DropFirst = true },
        new SelectColumns(_features),
        Scaler.Standard(),
        new PcaStep(pcaComponents));

    private static void AssertRelative(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1e-12, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");

    private static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    [Fact]
    public void MarketingPipelineKeeps2236RowsAndReportsTheDroppedIds()
    {
        var (fitted, prepared) = MarketingPipeline().FitTransform(Datasets.MarketingCampaign.Load());
        Assert.Equal(_expected.GetProperty("rows").GetInt32(), prepared.Frame.Rows.Count);
        Assert.Equal(2236, prepared.Frame.Rows.Count);
        var clean = prepared.Report.Single(r => r.Step == "clean");
        Assert.Equal(4, clean.RowsDropped);
        // pandas: df[df.Year_Birth < 1924].ID → 7829 (1900), 11004 (1893), 1150 (1899); df[df.Income >= 600000].ID → 9432.
        Assert.Equal(["7829", "11004", "1150"], clean.RowsAffected.Single(o => o.Rule == "Age >= 90").Ids);
        Assert.Equal(["9432"], clean.RowsAffected.Single(o => o.Rule == "Income >= 600000").Ids);
        var impute = fitted.Step<FittedImputer>();
        Assert.Equal(_expected.GetProperty("income_median").GetDouble(), impute.Fills[0].Number);
        Assert.Equal(24, prepared.Report.Single(r => r.Step == "impute").ValuesChanged["Income"]);
        Assert.Equal(["PC1", "PC2", "PC3"], fitted.FeatureNames);
    }

    [Fact]
    public void ScalingAndPcaMatchScikitLearn()
    {
        var (fitted, fitResult) = MarketingPipeline().FitTransform(Datasets.MarketingCampaign.Load());
        var scaler = fitted.Step<FittedScaler>();
        Assert.Equal(_features, scaler.Columns.Select(c => c.Column));
        var means = Doubles(_expected.GetProperty("scaler_mean"));
        var scales = Doubles(_expected.GetProperty("scaler_scale"));
        for (var j = 0; j < _features.Length; j++)
        {
            AssertRelative(means[j], scaler.Columns[j].Center, 1e-9, $"mean of {_features[j]}");
            AssertRelative(scales[j], scaler.Columns[j].Scale, 1e-9, $"scale of {_features[j]}");
        }

        var pca = fitted.Step<FittedPcaStep>().Model;
        var ratios = Doubles(_expected.GetProperty("explained_variance_ratio"));
        var variances = Doubles(_expected.GetProperty("explained_variance"));
        for (var k = 0; k < 3; k++)
        {
            AssertRelative(ratios[k], pca.ExplainedVarianceRatio[k], 1e-6, $"explained_variance_ratio[{k}]");
            AssertRelative(variances[k], pca.ExplainedVariance[k], 1e-6, $"explained_variance[{k}]");
            var components = Doubles(_expected.GetProperty("components")[k]);
            for (var j = 0; j < _features.Length; j++)
            {
                // Same sign convention (svd_flip), so components agree entry by entry.
                Assert.True(Math.Abs(components[j] - pca.Components[k][j]) <= 1e-6, $"component {k}, {_features[j]}: {components[j]} vs {pca.Components[k][j]}");
            }
        }

        var projected = fitResult.Features();
        var firstRows = _expected.GetProperty("projected_first_rows");
        for (var i = 0; i < 5; i++)
        {
            var row = Doubles(firstRows[i]);
            for (var k = 0; k < 3; k++)
            {
                Assert.True(Math.Abs(row[k] - projected[i, k]) <= 1e-6 * Math.Max(1, Math.Abs(row[k])), $"row {i} PC{k + 1}: {row[k]} vs {projected[i, k]}");
            }
        }
    }

    [Fact]
    public void SavedPipelineLoadsAndGivesBitIdenticalOutput()
    {
        var data = Datasets.MarketingCampaign.Load();
        var (fitted, fitResult) = MarketingPipeline().FitTransform(data);
        using var stream = new MemoryStream();
        fitted.Save(stream);
        stream.Position = 0;
        var loaded = FittedPipeline.Load(stream);
        var a = fitted.Transform(data).Features();
        var b = loaded.Transform(data).Features();
        Assert.Equal(a.Rows, b.Rows);
        Assert.Equal(a.ColumnNames, b.ColumnNames);
        Assert.True(a.Values.SequenceEqual(b.Values), "values differ after save/load");
        var bitsA = a.Values.ToArray().Select(BitConverter.DoubleToInt64Bits);
        var bitsB = b.Values.ToArray().Select(BitConverter.DoubleToInt64Bits);
        Assert.Equal(bitsA, bitsB);
        // And the fit-time transform equals a fresh transform of the training data.
        Assert.Equal(fitResult.Features().Values.ToArray(), a.Values.ToArray());
    }

    [Fact]
    public void SaveToFileIsAtomicAndRoundTrips()
    {
        var fitted = MarketingPipeline().Fit(Datasets.MarketingCampaign.Load());
        var path = Path.Combine(Path.GetTempPath(), $"smartpulse-pipeline-{Environment.ProcessId}.json");
        try
        {
            File.WriteAllText(path, "previous content");
            fitted.Save(path);
            Assert.Equal(fitted.Steps.Count, FittedPipeline.Load(path).Steps.Count);
            Assert.Empty(Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + ".tmp-*"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadingAgainstRenamedColumnsListsMissingAndFound()
    {
        var data = Datasets.MarketingCampaign.Load();
        var fitted = MarketingPipeline().Fit(data);
        data.Columns["Income"].SetName("Household_Income");
        var ex = Assert.Throws<ArgumentException>(() => fitted.Transform(data));
        Assert.Contains("'Income'", ex.Message);
        Assert.Contains("Household_Income", ex.Message);
        Assert.Contains("Columns found:", ex.Message);
    }

    [Fact]
    public void NotAPipelineIsRejected()
    {
        using var stream = new MemoryStream("{\"format\":\"other\"}"u8.ToArray());
        Assert.Throws<InvalidDataException>(() => FittedPipeline.Load(stream));
    }

    [Fact]
    public void ShopPipelineHasNoInfinityOrNaN()
    {
        var pipeline = new PreparationPipeline(
            new Imputer(new ColumnImputation("Profession", ImputeStrategy.Constant, "Unknown")),
            new ShopFeatures(),
            new Imputer(new ColumnImputation("Family_Income_Ratio", ImputeStrategy.Median)),
            new OneHotEncoder("Gender") { DropFirst = true },
            OrdinalEncoder.Sorted("Profession"),
            Scaler.Standard());
        var (fitted, prepared) = pipeline.FitTransform(Datasets.Shop.Load());
        var features = prepared.Features();
        Assert.All(features.Values.ToArray(), v => Assert.True(double.IsFinite(v)));
        var zeroIncome = prepared.Report.Single(r => r.Step == "shop-features").RowsAffected.Single();
        Assert.True(zeroIncome.RowsTouched > 0);
        Assert.Contains("Gender_Male", fitted.FeatureNames);
        // Profession codes follow LabelEncoder's sorted order, with "Unknown" among them.
        var professions = fitted.Steps.OfType<FittedOrdinalEncoder>().Single().Maps[0].Categories;
        Assert.Equal(professions.Order(StringComparer.Ordinal), professions);
        Assert.Contains("Unknown", professions);
    }
}
