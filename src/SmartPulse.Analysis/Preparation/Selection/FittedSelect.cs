using Microsoft.Data.Analysis;

namespace SmartPulse.Analysis.Preparation;

/// <summary>The column-selection step.</summary>
/// <param name="Columns">The columns kept (or dropped).</param>
/// <param name="Drop">Whether the columns are dropped rather than kept.</param>
public sealed record FittedSelect(IReadOnlyList<string> Columns, bool Drop) : FittedStep
{
    internal const string StepName = "select";

    /// <inheritdoc />
    public override string Name => StepName;

    /// <inheritdoc />
    public override IReadOnlyList<string> RequiredColumns => Columns;

    /// <inheritdoc />
    protected override StepResult TransformCore(DataFrame frame)
    {
        var keep = Drop
            ? frame.Columns.Where(c => !Columns.Contains(c.Name)).Select(c => c.Name).ToList()
            : Columns.ToList();
        var result = new DataFrame(keep.Select(n => frame[n].Clone()));
        var removed = frame.Columns.Select(c => c.Name).Where(n => !keep.Contains(n)).ToList();
        return new StepResult(result, FrameOps.Report(Name, $"kept {string.Join(", ", keep)}", frame, result, removed: removed));
    }
}
