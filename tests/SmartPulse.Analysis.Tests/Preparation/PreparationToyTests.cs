using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Features;
using SmartPulse.Analysis.Preparation;
using SmartPulse.Analysis.Samples;

namespace SmartPulse.Analysis.Tests.Preparation;

/// <summary>Every preparation step on toy data; expected values worked out by hand in the comments.</summary>
public class PreparationToyTests
{
    private static double?[] Col(DataFrame f, string name) => FrameColumns.Numeric(f[name]);

    private static StepResult FitTransform(IPreparationStep step, DataFrame frame) => step.Fit(frame).Transform(frame);

    [Fact]
    public void StandardScalerUsesPopulationStd()
    {
        var frame = new DataFrame(new DoubleDataFrameColumn("x", new double?[] { 1, 2, 3, 4 }), new DoubleDataFrameColumn("c", new double?[] { 5, 5, 5, 5 }));
        var result = FitTransform(Scaler.Standard(), frame);
        // mean 2.5, population variance (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25.
        var s = Math.Sqrt(1.25);
        Assert.Equal(new double?[] { -1.5 / s, -0.5 / s, 0.5 / s, 1.5 / s }, Col(result.Frame, "x"));
        Assert.Equal(new double?[] { 0, 0, 0, 0 }, Col(result.Frame, "c"));
        Assert.Contains(result.Report.Warnings, w => w.Contains("c has zero variance"));
        var fitted = (FittedScaler)Scaler.Standard("x").Fit(frame);
        Assert.Equal(4.0, fitted.Inverse("x", 1.5 / s), 12);
    }

    [Fact]
    public void MinMaxAndRobustScalers()
    {
        var frame = new DataFrame(new DoubleDataFrameColumn("x", new double?[] { 1, 2, 3, 5 }));
        Assert.Equal(new double?[] { 0, 0.25, 0.5, 1 }, Col(FitTransform(Scaler.MinMax(), frame).Frame, "x"));
        var robust = new DataFrame(new DoubleDataFrameColumn("x", new double?[] { 1, 2, 3, 4, 10 }));
        // median 3, Q1 2, Q3 4 → IQR 2.
        Assert.Equal(new double?[] { -1, -0.5, 0, 0.5, 3.5 }, Col(FitTransform(Scaler.Robust(), robust).Frame, "x"));
    }

    [Fact]
    public void ScalersLearnOnFitAndReuseOnNewData()
    {
        var train = new DataFrame(new DoubleDataFrameColumn("x", new double?[] { 0, 10 }));
        var fitted = Scaler.MinMax().Fit(train);
        var fresh = new DataFrame(new DoubleDataFrameColumn("x", new double?[] { 5, 20, null }));
        Assert.Equal(new double?[] { 0.5, 2, null }, Col(fitted.Transform(fresh).Frame, "x"));
    }

    [Fact]
    public void Log1pTransformsAndRejectsValuesAtOrBelowMinusOne()
    {
        var frame = new DataFrame(new DoubleDataFrameColumn("x", new double?[] { 0, Math.E - 1 }));
        Assert.Equal(new double?[] { 0, 1 }, Col(FitTransform(new Log1pTransform("x"), frame).Frame, "x"));
        var bad = new DataFrame(new DoubleDataFrameColumn("x", new double?[] { -1 }));
        var ex = Assert.Throws<ArgumentException>(() => FitTransform(new Log1pTransform("x"), bad));
        Assert.Contains("'x' row 0", ex.Message);
    }

    [Fact]
    public void ImputerLearnsEachStrategyAndReusesIt()
    {
        var frame = new DataFrame(
            new Int64DataFrameColumn("mean", new long?[] { 1, null, 3 }),
            new DoubleDataFrameColumn("median", new double?[] { 1, null, 10 }),
            new StringDataFrameColumn("frequent", ["b", null, "a"]),
            new StringDataFrameColumn("job", ["x", null, null]));
        var imputer = new Imputer(
            new ColumnImputation("mean", ImputeStrategy.Mean),
            new ColumnImputation("median", ImputeStrategy.Median),
            new ColumnImputation("frequent", ImputeStrategy.MostFrequent),
            new ColumnImputation("job", ImputeStrategy.Constant, "Unknown"));
        var fitted = imputer.Fit(frame);
        var result = fitted.Transform(frame);
        Assert.Equal(new double?[] { 1, 2, 3 }, Col(result.Frame, "mean"));
        Assert.Equal(new double?[] { 1, 5.5, 10 }, Col(result.Frame, "median"));
        // Tie between "a" and "b" (one each): the smallest wins, as scikit-learn.
        Assert.Equal("a", result.Frame["frequent"][1]);
        Assert.Equal("Unknown", result.Frame["job"][2]);
        Assert.Equal(2, result.Report.ValuesChanged["job"]);
        Assert.Equal(1, result.Report.ValuesChanged["mean"]);

        // New data gets the training mean (2), not its own.
        var fresh = new DataFrame(
            new Int64DataFrameColumn("mean", new long?[] { null, 100 }),
            new DoubleDataFrameColumn("median", new double?[] { 7, 8 }),
            new StringDataFrameColumn("frequent", ["z", "z"]),
            new StringDataFrameColumn("job", ["y", "y"]));
        Assert.Equal(new double?[] { 2, 100 }, Col(fitted.Transform(fresh).Frame, "mean"));
    }

    [Fact]
    public void ImputerRejectsMeanOfText()
    {
        var frame = new DataFrame(new StringDataFrameColumn("job", ["x", null]));
        var ex = Assert.Throws<ArgumentException>(() => new Imputer(new ColumnImputation("job", ImputeStrategy.Mean)).Fit(frame));
        Assert.Contains("'job'", ex.Message);
        Assert.Contains("MostFrequent or Constant", ex.Message);
    }

    [Fact]
    public void OneHotEncodesInSortedOrderWithOptionalDropFirst()
    {
        var frame = new DataFrame(new StringDataFrameColumn("c", ["b", "a", "c", "a"]), new DoubleDataFrameColumn("v", new double?[] { 1, 2, 3, 4 }));
        var full = FitTransform(new OneHotEncoder("c"), frame);
        Assert.Equal(["v", "c_a", "c_b", "c_c"], full.Frame.Columns.Select(c => c.Name));
        Assert.Equal(new double?[] { 0, 1, 0, 1 }, Col(full.Frame, "c_a"));
        Assert.Equal(new double?[] { 1, 0, 0, 0 }, Col(full.Frame, "c_b"));
        var dropped = FitTransform(new OneHotEncoder("c") { DropFirst = true }, frame);
        Assert.Equal(["v", "c_b", "c_c"], dropped.Frame.Columns.Select(c => c.Name));

        var gender = new DataFrame(new StringDataFrameColumn("Gender", ["Male", "Female", "Female"]));
        var binary = FitTransform(new OneHotEncoder("Gender") { DropFirst = true }, gender);
        Assert.Equal(new double?[] { 1, 0, 0 }, Col(binary.Frame, "Gender_Male"));
        Assert.Single(binary.Frame.Columns);
    }

    [Fact]
    public void UnseenCategoriesFailOrGoToOther()
    {
        var train = new DataFrame(new StringDataFrameColumn("c", ["a", "b"]));
        var fresh = new DataFrame(new StringDataFrameColumn("c", ["a", "zz"]));
        var ex = Assert.Throws<ArgumentException>(() => new OneHotEncoder("c").Fit(train).Transform(fresh));
        Assert.Contains("'zz'", ex.Message);
        Assert.Contains("Known: a, b", ex.Message);
        var other = new OneHotEncoder("c") { Unknown = UnknownCategoryPolicy.Other }.Fit(train).Transform(fresh);
        Assert.Equal(new double?[] { 0, 1 }, Col(other.Frame, "c_other"));
        Assert.Single(other.Report.Warnings);
        var ordinal = new OrdinalEncoder(new OrdinalColumn("c")) { Unknown = UnknownCategoryPolicy.Other }.Fit(train).Transform(fresh);
        Assert.Equal(new double?[] { 0, 2 }, Col(ordinal.Frame, "c"));
    }

    [Fact]
    public void OrdinalEncodingSortedOrExplicit()
    {
        var frame = new DataFrame(new StringDataFrameColumn("c", ["b", "a", "c"]), new StringDataFrameColumn("size", ["High", "Low", "Mid"]));
        var result = FitTransform(new OrdinalEncoder(new OrdinalColumn("c"), new OrdinalColumn("size", ["Low", "Mid", "High"])), frame);
        Assert.Equal(new double?[] { 1, 0, 2 }, Col(result.Frame, "c"));
        Assert.Equal(new double?[] { 2, 0, 1 }, Col(result.Frame, "size"));
        var ex = Assert.Throws<ArgumentException>(() => new OrdinalEncoder(new OrdinalColumn("size", ["Low", "High"])).Fit(frame));
        Assert.Contains("Mid", ex.Message);
    }

    [Fact]
    public void EncodersRejectMissingCategories()
    {
        var frame = new DataFrame(new StringDataFrameColumn("c", ["a", null]));
        var ex = Assert.Throws<ArgumentException>(() => new OneHotEncoder("c").Fit(frame));
        Assert.Contains("Impute it first", ex.Message);
    }

    [Fact]
    public void CleanerDropsOrFlagsAndReportsIds()
    {
        var frame = new DataFrame(
            new StringDataFrameColumn("id", ["a", "b", "c", "d", "a"]),
            new DoubleDataFrameColumn("Age", new double?[] { 25, 0, 120, null, 30 }));
        var cleaner = new Cleaner { Rules = [CleaningRule.Where("Age", "<", 1), CleaningRule.Where("Age", ">", 100)], IdColumn = "id", DropDuplicateIds = true };
        var result = FitTransform(cleaner, frame);
        // b (0) and c (120) break a rule; the second "a" is a duplicate id; d's missing age touches no rule.
        Assert.Equal(new string?[] { "a", "d" }, FrameColumns.Text(result.Frame["id"]));
        Assert.Equal(3, result.Report.RowsDropped);
        Assert.Equal([("Age < 1", 1L), ("Age > 100", 1L), ("duplicate id", 1L)], result.Report.RowsAffected.Select(o => (o.Rule, o.RowsTouched)));
        Assert.Equal(["b"], result.Report.RowsAffected[0].Ids);
        Assert.Equal(["c"], result.Report.RowsAffected[1].Ids);

        var flagged = FitTransform(cleaner with { Action = CleaningAction.Flag }, frame);
        Assert.Equal(5, flagged.Frame.Rows.Count);
        Assert.Equal("Age > 100", flagged.Frame[FittedCleaner.FlagColumn][2]);
        Assert.Null(flagged.Frame[FittedCleaner.FlagColumn][0]);
    }

    [Fact]
    public void IqrRuleLearnsFencesAtFit()
    {
        var train = new DataFrame(new DoubleDataFrameColumn("x", new double?[] { 1, 2, 3, 4, 10 }));
        var fitted = new Cleaner { Rules = [CleaningRule.OutsideIqr("x")] }.Fit(train);
        // Q1 2, Q3 4, IQR 2 → fences −1 and 7: 10 is dropped.
        Assert.Equal(new double?[] { 1, 2, 3, 4 }, Col(fitted.Transform(train).Frame, "x"));
        // The same fences apply to new data, whatever its own quartiles: 8 > 7 goes, 6 stays.
        var fresh = new DataFrame(new DoubleDataFrameColumn("x", new double?[] { 6, 8, 8, 8 }));
        Assert.Equal(new double?[] { 6 }, Col(fitted.Transform(fresh).Frame, "x"));
    }

    [Fact]
    public void ShopFeaturesNeverProduceInfinityAndReportZeroIncome()
    {
        var frame = new DataFrame(
            new Int64DataFrameColumn("CustomerID", new long?[] { 7, 8 }),
            new Int64DataFrameColumn("Family Size", new long?[] { 4, 2 }),
            new Int64DataFrameColumn("Annual Income ($)", new long?[] { 10000, 0 }));
        var result = FitTransform(new ShopFeatures(), frame);
        Assert.Equal(new double?[] { 40000, 0 }, Col(result.Frame, "Family_Income_Product"));
        Assert.Equal(new double?[] { 0.0004, null }, Col(result.Frame, "Family_Income_Ratio"));
        var rule = Assert.Single(result.Report.RowsAffected);
        Assert.Equal(["8"], rule.Ids);
        Assert.Single(result.Report.Warnings);
    }

    [Fact]
    public void PcaOnAxisAlignedDataMatchesHandComputation()
    {
        var data = FeatureMatrix.FromRows([[2, 0], [0, 1], [-2, 0], [0, -1]], ["x", "y"]);
        var model = new Pca(2).Fit(data);
        // Centred already; variances 8/3 and 2/3 (ddof 1) → ratios 0.8 and 0.2; axes x then y, signs positive.
        Assert.Equal(8.0 / 3, model.ExplainedVariance[0], 12);
        Assert.Equal(2.0 / 3, model.ExplainedVariance[1], 12);
        Assert.Equal(0.8, model.ExplainedVarianceRatio[0], 12);
        Assert.Equal(1.0, model.Components[0][0], 12);
        Assert.Equal(0.0, model.Components[0][1], 12);
        Assert.Equal(1.0, model.Components[1][1], 12);
        var projected = model.Transform(data);
        Assert.Equal(["PC1", "PC2"], projected.ColumnNames);
        Assert.Equal(2.0, projected[0, 0], 12);
        var back = model.InverseTransform(projected);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(data[i, 0], back[i, 0], 12);
            Assert.Equal(data[i, 1], back[i, 1], 12);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => new Pca(3).Fit(data));
    }

    [Fact]
    public void PipelineTracksSourceRowsAndFeatureNames()
    {
        var frame = new DataFrame(
            new StringDataFrameColumn("id", ["a", "b", "c", "d"]),
            new DoubleDataFrameColumn("x", new double?[] { 1, 500, null, 3 }),
            new StringDataFrameColumn("g", ["m", "f", "f", "m"]));
        var pipeline = new PreparationPipeline(
            new Cleaner { Rules = [CleaningRule.Where("x", ">", 100)], IdColumn = "id" },
            new Imputer(new ColumnImputation("x", ImputeStrategy.Mean)),
            new OneHotEncoder("g") { DropFirst = true },
            Scaler.MinMax("x"))
        { Features = ["x", "g_m"] };
        var (fitted, prepared) = pipeline.FitTransform(frame);
        Assert.Equal([0, 2, 3], prepared.SourceRows);
        // After dropping b, mean of x over (1, 3) = 2 imputes c; min-max over (1, 2, 3).
        var features = prepared.Features();
        Assert.Equal(["x", "g_m"], features.ColumnNames);
        Assert.Equal([0.0, 1.0, 0.5, 0.0, 1.0, 1.0], features.Values.ToArray());
        Assert.Equal(4, prepared.Report.Count);
        Assert.Equal(["id", "x", "g"], fitted.RequiredInputs);
    }

    [Fact]
    public void FeaturesWithMissingValuesNameTheColumn()
    {
        var frame = new DataFrame(new DoubleDataFrameColumn("x", new double?[] { 1, null }));
        var prepared = new PreparationPipeline().FitTransform(frame).Data;
        var ex = Assert.Throws<ArgumentException>(() => prepared.Features());
        Assert.Contains("'x' has 1 missing value", ex.Message);
        Assert.Contains("Imputer", ex.Message);
    }
}
