using System.Globalization;
using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Data;

namespace SmartPulse.Analysis.Preparation;

/// <summary>The fitted cleaning step: rules with fixed thresholds. <see cref="Outcomes"/> reports each rule's effect.</summary>
/// <param name="Rules">The rules with learned fences.</param>
/// <param name="Action">Drop or flag touched rows.</param>
/// <param name="IdColumn">The id column, if any.</param>
/// <param name="DropDuplicateIds">Whether repeated ids are dropped (first kept).</param>
public sealed record FittedCleaner(IReadOnlyList<FittedRule> Rules, CleaningAction Action, string? IdColumn, bool DropDuplicateIds) : FittedStep
{
    internal const string StepName = "clean";

    /// <summary>The name of the text column added in <see cref="CleaningAction.Flag"/> mode.</summary>
    public const string FlagColumn = "Cleaning_Flags";

    /// <inheritdoc />
    public override string Name => StepName;

    /// <inheritdoc />
    public override IReadOnlyList<string> RequiredColumns =>
        Rules.SelectMany(r => r.Conditions.Select(c => c.Column)).Concat(IdColumn is null ? [] : [IdColumn]).Distinct().ToList();

    /// <summary>Per rule, the rows it touches in <paramref name="frame"/> (plus a duplicate-id entry when enabled).</summary>
    public IReadOnlyList<RuleOutcome> Outcomes(DataFrame frame) => Evaluate(frame).Outcomes;

    private (List<RuleOutcome> Outcomes, List<string>?[] Flags) Evaluate(DataFrame frame)
    {
        var rows = (int)frame.Rows.Count;
        var ids = IdColumn is null ? null : FrameColumns.Text(frame[IdColumn]);
        string Id(int r) => ids?[r] ?? $"row {r.ToString(CultureInfo.InvariantCulture)}";
        var flags = new List<string>?[rows];
        var outcomes = new List<RuleOutcome>();
        foreach (var rule in Rules)
        {
            var columns = rule.Conditions.Select(c => FrameOps.Numeric(frame, c.Column, Name)).ToArray();
            var touched = new List<string>();
            for (var r = 0; r < rows; r++)
            {
                var hit = false;
                for (var c = 0; c < rule.Conditions.Count && !hit; c++)
                {
                    hit = columns[c][r] is { } v && rule.Conditions[c].IsMetBy(v);
                }

                if (hit)
                {
                    touched.Add(Id(r));
                    (flags[r] ??= []).Add(rule.Description);
                }
            }

            outcomes.Add(new RuleOutcome(rule.Description, touched.Count, touched));
        }

        if (DropDuplicateIds && ids is not null)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var duplicates = new List<string>();
            for (var r = 0; r < rows; r++)
            {
                if (ids[r] is { } id && !seen.Add(id))
                {
                    duplicates.Add(id);
                    (flags[r] ??= []).Add("duplicate id");
                }
            }

            outcomes.Add(new RuleOutcome($"duplicate {IdColumn}", duplicates.Count, duplicates));
        }

        return (outcomes, flags);
    }

    /// <inheritdoc />
    protected override StepResult TransformCore(DataFrame frame)
    {
        var (outcomes, flags) = Evaluate(frame);
        var touched = flags.Count(f => f is not null);
        var details = string.Join("; ", outcomes.Select(o => $"{o.Rule}: {o.RowsTouched}"));
        if (Action == CleaningAction.Drop)
        {
            var keep = flags.Select(f => f is null).ToArray();
            var result = FrameOps.Filter(frame, keep);
            var kept = Enumerable.Range(0, keep.Length).Where(r => keep[r]).ToArray();
            return new StepResult(result, FrameOps.Report(Name, $"dropped {touched} row(s) ({details})", frame, result, affected: outcomes), kept);
        }

        var flagColumn = new StringDataFrameColumn(FlagColumn, flags.Select(f => f is null ? null : string.Join("; ", f)));
        var flagged = FrameOps.With(frame, flagColumn);
        return new StepResult(flagged, FrameOps.Report(Name, $"flagged {touched} row(s) ({details})", frame, flagged, added: [FlagColumn], affected: outcomes));
    }
}
