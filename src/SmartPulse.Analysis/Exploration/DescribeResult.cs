using Microsoft.Data.Analysis;

namespace SmartPulse.Analysis.Exploration;

/// <summary>The result of <see cref="Eda.Describe"/>: one summary per column, numeric and categorical apart.</summary>
/// <param name="Rows">Rows in the frame.</param>
/// <param name="Numeric">Numeric columns, in frame order.</param>
/// <param name="Categorical">Text and date columns, in frame order.</param>
public sealed record DescribeResult(long Rows, IReadOnlyList<NumericSummary> Numeric, IReadOnlyList<CategoricalSummary> Categorical)
{
    /// <summary>The numeric summary of <paramref name="column"/>.</summary>
    /// <exception cref="ArgumentException">No numeric summary by that name; lists those available.</exception>
    public NumericSummary this[string column] =>
        Numeric.FirstOrDefault(s => s.Column == column)
        ?? throw new ArgumentException($"No numeric column '{column}'. Numeric columns: {string.Join(", ", Numeric.Select(s => s.Column))}.", nameof(column));

    /// <summary>The numeric summaries as a frame: one row per column; columns count, mean, std, min, 25%, 50%, 75%, max.</summary>
    public DataFrame NumericTable() => new(
        new StringDataFrameColumn("column", Numeric.Select(s => s.Column)),
        new Int64DataFrameColumn("count", Numeric.Select(s => (long?)s.Count)),
        new DoubleDataFrameColumn("mean", Numeric.Select(s => (double?)s.Mean)),
        new DoubleDataFrameColumn("std", Numeric.Select(s => (double?)s.Std)),
        new DoubleDataFrameColumn("min", Numeric.Select(s => (double?)s.Min)),
        new DoubleDataFrameColumn("25%", Numeric.Select(s => (double?)s.Q25)),
        new DoubleDataFrameColumn("50%", Numeric.Select(s => (double?)s.Median)),
        new DoubleDataFrameColumn("75%", Numeric.Select(s => (double?)s.Q75)),
        new DoubleDataFrameColumn("max", Numeric.Select(s => (double?)s.Max)));

    /// <summary>The categorical summaries as a frame: column, count, unique, top, freq.</summary>
    public DataFrame CategoricalTable() => new(
        new StringDataFrameColumn("column", Categorical.Select(s => s.Column)),
        new Int64DataFrameColumn("count", Categorical.Select(s => (long?)s.Count)),
        new Int64DataFrameColumn("unique", Categorical.Select(s => (long?)s.Unique)),
        new StringDataFrameColumn("top", Categorical.Select(s => s.Top)),
        new Int64DataFrameColumn("freq", Categorical.Select(s => (long?)s.Freq)));
}
