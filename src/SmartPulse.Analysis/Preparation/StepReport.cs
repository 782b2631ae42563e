namespace SmartPulse.Analysis.Preparation;

/// <summary>What one fitted step did to one frame.</summary>
/// <param name="Step">The step's name, e.g. "impute" or "standard-scale".</param>
/// <param name="Summary">One line in words.</param>
/// <param name="RowsIn">Rows before the step.</param>
/// <param name="RowsOut">Rows after the step.</param>
/// <param name="ColumnsAdded">Columns the step created.</param>
/// <param name="ColumnsRemoved">Columns the step removed or replaced.</param>
/// <param name="ValuesChanged">Per column, how many values were imputed, capped or otherwise changed.</param>
/// <param name="Warnings">Recoverable oddities (zero variance, undefined ratios, unseen categories sent to "other").</param>
/// <param name="RowsAffected">Per rule (cleaning rules, undefined-ratio rules): how many rows and which ids it touched.</param>
public sealed record StepReport(
    string Step,
    string Summary,
    long RowsIn,
    long RowsOut,
    IReadOnlyList<string> ColumnsAdded,
    IReadOnlyList<string> ColumnsRemoved,
    IReadOnlyDictionary<string, long> ValuesChanged,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<RuleOutcome> RowsAffected)
{
    /// <summary>Rows the step dropped.</summary>
    public long RowsDropped => RowsIn - RowsOut;
}
