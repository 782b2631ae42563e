using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Data;

namespace SmartPulse.Analysis.Preparation;

/// <summary>The fitted imputation step: the learned fill value per column.</summary>
/// <param name="Fills">Per column, the value that replaces missing cells.</param>
public sealed record FittedImputer(IReadOnlyList<LearnedFill> Fills) : FittedStep
{
    internal const string StepName = "impute";

    /// <inheritdoc />
    public override string Name => StepName;

    /// <inheritdoc />
    public override IReadOnlyList<string> RequiredColumns => Fills.Select(f => f.Column).ToList();

    /// <inheritdoc />
    protected override StepResult TransformCore(DataFrame frame)
    {
        var replaced = new List<DataFrameColumn>();
        var changed = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var fill in Fills)
        {
            var column = frame[fill.Column];
            changed[fill.Column] = column.NullCount;
            if (fill.Number is { } number)
            {
                var values = FrameOps.Numeric(frame, fill.Column, Name).Select(v => (double?)(v ?? number)).ToArray();
                replaced.Add(FrameOps.Doubles(fill.Column, values));
            }
            else
            {
                var values = FrameColumns.Text(column).Select(v => v ?? fill.Text).ToArray();
                replaced.Add(new StringDataFrameColumn(fill.Column, values));
            }
        }

        var result = FrameOps.With(frame, [.. replaced]);
        var summary = "imputed " + string.Join(", ", Fills.Select(f => $"{f.Column}: {changed[f.Column]} with {f.Strategy} {(f.Number?.ToString("G10", System.Globalization.CultureInfo.InvariantCulture) ?? $"'{f.Text}'")}"));
        return new StepResult(result, FrameOps.Report(Name, summary, frame, result, changed: changed));
    }
}
