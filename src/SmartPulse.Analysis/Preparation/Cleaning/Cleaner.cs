using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Exploration;

namespace SmartPulse.Analysis.Preparation;

/// <summary>
/// Options of the cleaning step: declared rules, what to do with touched rows, and duplicate-id
/// removal. IQR fences are learned at fit; the fitted cleaner applies the same fences to new data.
/// </summary>
public sealed record Cleaner : IPreparationStep
{
    /// <summary>The rules, applied together (a row is touched if any rule touches it).</summary>
    public IReadOnlyList<CleaningRule> Rules { get; init; } = [];

    /// <summary>Drop touched rows (default) or flag them.</summary>
    public CleaningAction Action { get; init; } = CleaningAction.Drop;

    /// <summary>The id column: used to name touched rows in the report and, with <see cref="DropDuplicateIds"/>, to drop repeated ids.</summary>
    public string? IdColumn { get; init; }

    /// <summary>Keep only the first row of each id (requires <see cref="IdColumn"/>).</summary>
    public bool DropDuplicateIds { get; init; }

    /// <inheritdoc />
    public FittedStep Fit(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (DropDuplicateIds && IdColumn is null)
        {
            throw new ArgumentException("DropDuplicateIds needs IdColumn: name the column that identifies a customer.", nameof(DropDuplicateIds));
        }

        if (IdColumn is not null)
        {
            FrameOps.Require(frame, [IdColumn], FittedCleaner.StepName);
        }

        var fitted = new List<FittedRule>();
        foreach (var rule in Rules)
        {
            var values = FrameOps.Numeric(frame, rule.Column, FittedCleaner.StepName);
            if (rule.When is { } when)
            {
                fitted.Add(new FittedRule(when.ToString(), [when]));
                continue;
            }

            var fences = Eda.IqrOutliers(new DataFrame(FrameOps.Doubles(rule.Column, values)), rule.IqrK)[0];
            var lower = new Condition(rule.Column, "<", fences.Lower);
            var upper = new Condition(rule.Column, ">", fences.Upper);
            fitted.Add(new FittedRule($"{rule.Column} outside [{fences.Lower:G6}, {fences.Upper:G6}] (Q1 − {rule.IqrK}·IQR, Q3 + {rule.IqrK}·IQR)", [lower, upper]));
        }

        return new FittedCleaner(fitted, Action, IdColumn, DropDuplicateIds);
    }
}
