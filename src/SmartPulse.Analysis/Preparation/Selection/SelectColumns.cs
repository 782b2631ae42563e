using Microsoft.Data.Analysis;

namespace SmartPulse.Analysis.Preparation;

/// <summary>Options of a column-selection step: keep only <see cref="Columns"/>, in that order (or drop them with <see cref="Drop"/>).</summary>
/// <param name="Columns">The columns to keep (or drop).</param>
public sealed record SelectColumns(params string[] Columns) : IPreparationStep
{
    /// <summary>Drop the listed columns instead of keeping only them.</summary>
    public bool Drop { get; init; }

    /// <inheritdoc />
    public FittedStep Fit(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        FrameOps.Require(frame, Columns, FittedSelect.StepName);
        return new FittedSelect(Columns, Drop);
    }
}
