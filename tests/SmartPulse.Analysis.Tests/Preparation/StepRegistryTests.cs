using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Clustering;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Preparation;
using SmartPulse.Analysis.Samples;
using SmartPulse.Analysis.Segmentation;

namespace SmartPulse.Analysis.Tests.Preparation;

/// <summary>A user's own step (income per family member), fitted, saved in a model zip and loaded back.</summary>
public class StepRegistryTests
{
    [Fact]
    public void AUserDefinedStepIsSavedInAModelZipAndLoadedBack()
    {
        StepRegistry.Register<FittedIncomePerMember>("test-income-per-member");
        var shop = Datasets.Shop.Load();
        var (pipeline, prepared) = new PreparationPipeline(
            new IncomePerMember(),
            new SelectColumns("Income_Per_Member", "Spending Score (1-100)"),
            Scaler.Standard()).FitTransform(shop);
        var x = prepared.Features();
        var kmeans = new KMeans(new KMeansOptions { K = 4, Seed = 0 }).Fit(x);
        var model = SegmentationModel.FromKMeans(pipeline, kmeans, x);

        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = SegmentationModel.Load(stream);

        var step = Assert.IsType<FittedIncomePerMember>(loaded.Pipeline.Steps[0]);
        Assert.Equal("Annual Income ($)", step.Income);
        Assert.Equal(kmeans.Labels, loaded.Score(shop).Segments);
        // Customer 1: income 15000, family size 4 → 3750 per member, by hand.
        Assert.Equal(3750.0, (double?)step.Transform(shop).Frame["Income_Per_Member"][0]);
    }

    [Fact]
    public void TheGenericStepTypeDoesNotListTheSampleSteps()
    {
        var builtIn = typeof(FittedStep).GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonDerivedTypeAttribute), false)
            .Cast<System.Text.Json.Serialization.JsonDerivedTypeAttribute>().Select(a => a.DerivedType).ToArray();
        Assert.DoesNotContain(builtIn, t => t.Namespace == typeof(SampleSteps).Namespace);
        Assert.Equal(typeof(FittedMarketingFeatures), StepRegistry.Registered["marketing-features"]);

        // A sample step round-trips through the registry like a user's own.
        var campaign = Datasets.MarketingCampaign.Load();
        var pipeline = new PreparationPipeline(new MarketingFeatures(2014)).Fit(campaign);
        using var stream = new MemoryStream();
        pipeline.Save(stream);
        Assert.Contains("\"step\": \"marketing-features\"", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        stream.Position = 0;
        var step = Assert.IsType<FittedMarketingFeatures>(FittedPipeline.Load(stream).Steps[0]);
        Assert.Equal(new DateTime(2014, 6, 29), step.ReferenceDate); // the latest Dt_Customer in the file
    }

    [Fact]
    public void AnUnregisteredStepIsRefusedWithTheFix()
    {
        var pipeline = new PreparationPipeline(new Unregistered()).Fit(new DataFrame(new DoubleDataFrameColumn("x", [1.0, 2])));
        var error = Assert.Throws<NotSupportedException>(() => pipeline.Save(new MemoryStream()));
        Assert.Contains("StepRegistry.Register<FittedUnregistered>", error.Message);
    }

    [Fact]
    public void ABuiltInNameCannotBeTaken()
    {
        var error = Assert.Throws<ArgumentException>(() => StepRegistry.Register<FittedUnregistered>("scale"));
        Assert.Contains("built-in", error.Message);
    }

    private sealed record IncomePerMember : IPreparationStep
    {
        public FittedStep Fit(DataFrame frame) => new FittedIncomePerMember("Annual Income ($)", "Family Size");
    }

    private sealed record Unregistered : IPreparationStep
    {
        public FittedStep Fit(DataFrame frame) => new FittedUnregistered();
    }
}

/// <summary>Income ÷ family size as a new column (null when the family size is 0 or missing).</summary>
public sealed record FittedIncomePerMember(string Income, string FamilySize) : FittedStep
{
    public override string Name => "income-per-member";

    public override IReadOnlyList<string> RequiredColumns => [Income, FamilySize];

    protected override StepResult TransformCore(DataFrame frame)
    {
        var income = FrameColumns.Numeric(frame[Income]);
        var size = FrameColumns.Numeric(frame[FamilySize]);
        var values = income.Zip(size, (i, s) => s is > 0 ? i / s : null).ToArray();
        var output = frame.Clone();
        output.Columns.Add(new DoubleDataFrameColumn("Income_Per_Member", values));
        return new StepResult(output, new StepReport(Name, "income per family member", frame.Rows.Count, output.Rows.Count, ["Income_Per_Member"], [], new Dictionary<string, long>(), [], []));
    }
}

/// <summary>A step nobody registered.</summary>
public sealed record FittedUnregistered : FittedStep
{
    public override string Name => "unregistered";

    public override IReadOnlyList<string> RequiredColumns => [];

    protected override StepResult TransformCore(DataFrame frame) =>
        new(frame, new StepReport(Name, "nothing", frame.Rows.Count, frame.Rows.Count, [], [], new Dictionary<string, long>(), [], []));
}
