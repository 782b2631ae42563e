using System.Globalization;
using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Exploration;

namespace SmartPulse.Analysis.Preparation;

/// <summary>Options of the imputation step: one rule per column. Numeric columns come out as doubles.</summary>
public sealed record Imputer : IPreparationStep
{
    /// <summary>Creates the step from per-column rules.</summary>
    public Imputer(params ColumnImputation[] columns) => Columns = columns;

    /// <summary>The per-column rules.</summary>
    public IReadOnlyList<ColumnImputation> Columns { get; init; }

    /// <inheritdoc />
    public FittedStep Fit(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        FrameOps.Require(frame, Columns.Select(c => c.Column), FittedImputer.StepName);
        var fills = new List<LearnedFill>();
        foreach (var rule in Columns)
        {
            var column = frame[rule.Column];
            var numeric = FrameColumns.IsNumeric(column);
            if (rule.Strategy == ImputeStrategy.Constant)
            {
                if (rule.Constant is null)
                {
                    throw new ArgumentException($"Imputation of '{rule.Column}' uses Constant but gives no value: set ColumnImputation.Constant (e.g. \"Unknown\" or \"0\").", nameof(Columns));
                }

                if (numeric)
                {
                    if (!double.TryParse(rule.Constant, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || !double.IsFinite(n))
                    {
                        throw new ArgumentException($"Imputation of numeric column '{rule.Column}': constant '{rule.Constant}' is not a finite number (invariant culture).", nameof(Columns));
                    }

                    fills.Add(new LearnedFill(rule.Column, rule.Strategy, n, null));
                }
                else
                {
                    fills.Add(new LearnedFill(rule.Column, rule.Strategy, null, rule.Constant));
                }

                continue;
            }

            if (column.NullCount == column.Length)
            {
                throw new ArgumentException($"Column '{rule.Column}' has no present values to learn a {rule.Strategy} from. Use a Constant fill or drop the column.", nameof(frame));
            }

            if (numeric)
            {
                var present = FrameColumns.PresentNumeric(column);
                var value = rule.Strategy switch
                {
                    ImputeStrategy.Mean => Stats.Mean(present),
                    ImputeStrategy.Median => Stats.Median(present),
                    _ => present.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key,
                };
                fills.Add(new LearnedFill(rule.Column, rule.Strategy, value, null));
            }
            else if (rule.Strategy == ImputeStrategy.MostFrequent)
            {
                var top = FrameColumns.Text(column).Where(v => v is not null).GroupBy(v => v!, StringComparer.Ordinal)
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
                fills.Add(new LearnedFill(rule.Column, rule.Strategy, null, top));
            }
            else
            {
                throw new ArgumentException($"Column '{rule.Column}' holds {column.DataType.Name} values; {rule.Strategy} needs numbers. Use MostFrequent or Constant for text.", nameof(Columns));
            }
        }

        return new FittedImputer(fills);
    }
}
