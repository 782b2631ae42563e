using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Data;

namespace SmartPulse.Analysis.Preparation;

/// <summary>Options of the PCA pipeline step: project <see cref="Columns"/> onto <c>PC1..PCk</c> (see <see cref="Pca"/>).</summary>
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
