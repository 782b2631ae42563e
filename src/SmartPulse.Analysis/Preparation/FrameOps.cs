using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Data;

namespace SmartPulse.Analysis.Preparation;

/// <summary>Frame helpers for the steps: copies, never in-place changes of the caller's frame.</summary>
internal static class FrameOps
{
    public static void Require(DataFrame frame, IEnumerable<string> columns, string step)
    {
        var present = frame.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var missing = columns.Where(c => !present.Contains(c)).Distinct().ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"Step '{step}' needs column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))} which the data does not have. " +
                $"Columns found: {string.Join(", ", frame.Columns.Select(c => c.Name))}. Rename the columns in the file or refit the pipeline on data with these names.");
        }
    }

    public static double?[] Numeric(DataFrame frame, string column, string step)
    {
        Require(frame, [column], step);
        var c = frame[column];
        if (!FrameColumns.IsNumeric(c))
        {
            throw new ArgumentException(
                $"Step '{step}': column '{column}' holds {c.DataType.Name} values, not numbers. Encode it first (one-hot or ordinal) or leave it out of this step.",
                nameof(column));
        }

        return FrameColumns.Numeric(c);
    }

    /// <summary>A copy of <paramref name="frame"/> where each given column replaces the same-named one in place or is appended.</summary>
    public static DataFrame With(DataFrame frame, params DataFrameColumn[] columns)
    {
        var result = frame.Columns.Select(c => c.Clone()).ToList();
        foreach (var column in columns)
        {
            var at = result.FindIndex(c => c.Name == column.Name);
            if (at >= 0)
            {
                result[at] = column;
            }
            else
            {
                result.Add(column);
            }
        }

        return new DataFrame(result);
    }

    public static DataFrame Without(DataFrame frame, IReadOnlyCollection<string> names) =>
        new(frame.Columns.Where(c => !names.Contains(c.Name)).Select(c => c.Clone()));

    public static DataFrame Filter(DataFrame frame, bool[] keep) =>
        new(frame.Columns.Select(c => c.Clone(new BooleanDataFrameColumn("keep", keep))));

    public static DoubleDataFrameColumn Doubles(string name, double?[] values) => new(name, values);

    public static IReadOnlyDictionary<string, long> NoChanges { get; } = new Dictionary<string, long>();

    public static StepReport Report(string step, string summary, DataFrame before, DataFrame after,
        IReadOnlyList<string>? added = null, IReadOnlyList<string>? removed = null,
        IReadOnlyDictionary<string, long>? changed = null, IReadOnlyList<string>? warnings = null, IReadOnlyList<RuleOutcome>? affected = null) =>
        new(step, summary, before.Rows.Count, after.Rows.Count, added ?? [], removed ?? [], changed ?? NoChanges, warnings ?? [], affected ?? []);

    /// <summary>The named numeric columns as a feature matrix; a missing value is an error naming the column and row.</summary>
    public static Features.FeatureMatrix ToMatrix(DataFrame frame, IReadOnlyList<string> columns, string step)
    {
        var data = columns.Select(c => Numeric(frame, c, step)).ToArray();
        var rows = (int)frame.Rows.Count;
        var values = new double[rows * columns.Count];
        for (var j = 0; j < columns.Count; j++)
        {
            for (var r = 0; r < rows; r++)
            {
                values[(r * columns.Count) + j] = data[j][r] ?? throw new ArgumentException(
                    $"Step '{step}': column '{columns[j]}' has {data[j].Count(v => v is null)} missing value(s) (first at row {r}). Add an Imputer step (or a cleaning rule) before it.",
                    nameof(frame));
            }
        }

        return new Features.FeatureMatrix(values, rows, columns);
    }
}
