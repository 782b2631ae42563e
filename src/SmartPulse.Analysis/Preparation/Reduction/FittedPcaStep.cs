using Microsoft.Data.Analysis;

namespace SmartPulse.Analysis.Preparation;

/// <summary>The fitted PCA step.</summary>
/// <param name="Model">The fitted PCA.</param>
/// <param name="KeepInputs">Whether the input columns stay next to the components.</param>
public sealed record FittedPcaStep(PcaModel Model, bool KeepInputs) : FittedStep
{
    internal const string StepName = "pca";

    /// <inheritdoc />
    public override string Name => StepName;

    /// <inheritdoc />
    public override IReadOnlyList<string> RequiredColumns => Model.FeatureNames;

    /// <inheritdoc />
    protected override StepResult TransformCore(DataFrame frame)
    {
        var projected = Model.Transform(FrameOps.ToMatrix(frame, Model.FeatureNames, Name));
        var baseFrame = KeepInputs ? frame : FrameOps.Without(frame, [.. Model.FeatureNames]);
        var columns = Model.ComponentNames.Select((name, k) => (DataFrameColumn)FrameOps.Doubles(name, projected.Column(k).Select(v => (double?)v).ToArray())).ToArray();
        var result = FrameOps.With(baseFrame, columns);
        var ratios = string.Join(", ", Model.ExplainedVarianceRatio.Select(r => r.ToString("P1", System.Globalization.CultureInfo.InvariantCulture)));
        return new StepResult(result, FrameOps.Report(Name, $"projected {Model.FeatureNames.Count} columns onto {Model.Components.Count} components (explained variance {ratios})",
            frame, result, [.. Model.ComponentNames], KeepInputs ? [] : [.. Model.FeatureNames]));
    }
}
