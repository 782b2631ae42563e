using Microsoft.Data.Analysis;

namespace SmartPulse.Analysis.Exploration;

/// <summary>
/// The result of <see cref="Eda.SummarizeBy"/>: groups sorted by key (numbers numerically, text
/// ordinally, as pandas' groupby), rows whose key is missing left out and counted.
/// </summary>
/// <param name="GroupColumn">The grouping column.</param>
/// <param name="ValueColumns">The summarised columns.</param>
/// <param name="Groups">One entry per group.</param>
/// <param name="RowsWithMissingKey">Rows left out because the group key was missing.</param>
public sealed record GroupByResult(string GroupColumn, IReadOnlyList<string> ValueColumns, IReadOnlyList<GroupSummary> Groups, long RowsWithMissingKey)
{
    /// <summary>The summary as a frame: group, size, then <c>{column} count/mean/median</c> per value column.</summary>
    public DataFrame ToDataFrame()
    {
        var columns = new List<DataFrameColumn>
        {
            new StringDataFrameColumn(GroupColumn, Groups.Select(g => g.Group)),
            new Int64DataFrameColumn("size", Groups.Select(g => (long?)g.Size)),
        };
        foreach (var name in ValueColumns)
        {
            columns.Add(new Int64DataFrameColumn($"{name} count", Groups.Select(g => (long?)g.Values[name].Count)));
            columns.Add(new DoubleDataFrameColumn($"{name} mean", Groups.Select(g => (double?)g.Values[name].Mean)));
            columns.Add(new DoubleDataFrameColumn($"{name} median", Groups.Select(g => (double?)g.Values[name].Median)));
        }

        return new DataFrame(columns);
    }
}
