using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Data;

namespace SmartPulse.Analysis.Preparation;

/// <summary>
/// PCA as a step of a <see cref="PreparationPipeline"/>: projects the frame's <see cref="Columns"/> onto new columns
/// <c>PC1..PCk</c>, so the projection is saved with the pipeline and applied to new rows. <see cref="Pca"/> is the
/// estimator on a <see cref="Features.FeatureMatrix"/> (for a chart or an analysis outside a pipeline); this step uses it.
/// </summary>
/// <param name="Components">Components to keep.</param>
/// <param name="Columns">The input columns; null = every numeric column at fit.</param>
public sealed record PcaStep(int Components, IReadOnlyList<string>? Columns = null) : IPreparationStep
{
    /// <summary>Keep the input columns next to the components (default: replace them).</summary>
    public bool KeepInputs { get; init; }

    /// <inheritdoc />
    public FittedStep Fit(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var columns = Columns ?? frame.Columns.Where(FrameColumns.IsNumeric).Select(c => c.Name).ToList();
        var model = new Pca(Components).Fit(FrameOps.ToMatrix(frame, columns, FittedPcaStep.StepName));
        return new FittedPcaStep(model, KeepInputs);
    }
}
