using Microsoft.Data.Analysis;

namespace SmartPulse.Analysis.Preparation;

/// <summary>Options of the log1p step: x′ = ln(1 + x) for the listed columns (for skewed amounts such as spending). Stateless.</summary>
/// <param name="Columns">The columns to transform; every value must be greater than −1.</param>
public sealed record Log1pTransform(params string[] Columns) : IPreparationStep
{
    /// <inheritdoc />
    public FittedStep Fit(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        FrameOps.Require(frame, Columns, FittedLog1p.StepName);
        return new FittedLog1p(Columns);
    }
}
