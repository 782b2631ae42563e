using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Exploration;

namespace SmartPulse.Analysis.Tests.Exploration;

/// <summary>EDA routines on toy data whose expected values are worked out by hand in the comments.</summary>
public class EdaToyTests
{
    private static DataFrame Toy() => new(
        new StringDataFrameColumn("g", ["b", "a", "b", "a", null]),
        new DoubleDataFrameColumn("v", new double?[] { 1, 2, 3, 10, null }),
        new Int64DataFrameColumn("n", new long?[] { 1, 2, 3, 4, 10 }));

    [Fact]
    public void DescribeComputesPandasStatistics()
    {
        var d = Eda.Describe(Toy());
        // n = [1,2,3,4,10]: mean 4; squared deviations 9+4+1+0+36 = 50; std = sqrt(50/4).
        var n = d["n"];
        Assert.Equal(5, n.Count);
        Assert.Equal(4.0, n.Mean);
        Assert.Equal(Math.Sqrt(12.5), n.Std, 15);
        Assert.Equal((1.0, 2.0, 3.0, 4.0, 10.0), (n.Min, n.Q25, n.Median, n.Q75, n.Max));
        // v = [1,2,3,10] (one missing): positions (n−1)q = 0.75, 1.5, 2.25 → 1.75, 2.5, 4.75.
        var v = d["v"];
        Assert.Equal(4, v.Count);
        Assert.Equal((1.75, 2.5, 4.75), (v.Q25, v.Median, v.Q75));
        var g = Assert.Single(d.Categorical);
        Assert.Equal(("g", 4L, 2L, "b", 2L), (g.Column, g.Count, g.Unique, g.Top, g.Freq));
        Assert.Equal(9, d.NumericTable().Columns.Count);
        Assert.Equal(2, d.NumericTable().Rows.Count);
    }

    [Fact]
    public void MissingReportCountsNullsAndPercent()
    {
        var missing = Eda.Missing(Toy());
        Assert.Equal([("g", 1L, 20.0), ("v", 1L, 20.0), ("n", 0L, 0.0)], missing.Select(m => (m.Column, m.Missing, m.Percent)));
    }

    [Fact]
    public void ValueCountsSortByCountThenFirstAppearance()
    {
        var frame = new DataFrame(new StringDataFrameColumn("c", ["x", "y", "y", "z", "x", null]));
        var counts = Eda.ValueCounts(frame, "c");
        Assert.Equal([("x", 2L), ("y", 2L), ("z", 1L)], counts.Select(c => (c.Value!, c.Count)));
        Assert.Equal(0.4, counts[0].Share, 15);
        var withMissing = Eda.ValueCounts(frame, "c", includeMissing: true);
        Assert.Equal(4, withMissing.Count);
        Assert.Null(withMissing[3].Value);
        Assert.Equal(1.0 / 6, withMissing[3].Share, 15);
    }

    [Fact]
    public void PearsonAndSpearmanMatchHandComputation()
    {
        var frame = new DataFrame(
            new DoubleDataFrameColumn("x", new double?[] { 1, 2, 3 }),
            new DoubleDataFrameColumn("y", new double?[] { 2, 4, 7 }));
        // dx = (−1,0,1), dy = (−7/3,−1/3,8/3): Σdxdy = 5, Σdx² = 2, Σdy² = 114/9.
        Assert.Equal(5 / Math.Sqrt(2 * 114.0 / 9), Eda.Correlation(frame)["x", "y"], 14);
        Assert.Equal(1.0, Eda.Correlation(frame, CorrelationMethod.Spearman)["x", "y"], 14);

        // Ties share their average rank: x ranks (1, 2.5, 2.5, 4), y ranks (1, 3, 2, 4) → r = 4.5 / sqrt(4.5·5).
        var tied = new DataFrame(
            new DoubleDataFrameColumn("x", new double?[] { 1, 2, 2, 3 }),
            new DoubleDataFrameColumn("y", new double?[] { 1, 3, 2, 4 }));
        Assert.Equal(4.5 / Math.Sqrt(22.5), Eda.Correlation(tied, CorrelationMethod.Spearman)["x", "y"], 14);
    }

    [Fact]
    public void CorrelationUsesPairwiseCompleteRows()
    {
        var frame = new DataFrame(
            new DoubleDataFrameColumn("x", new double?[] { 1, 2, 3, null }),
            new DoubleDataFrameColumn("y", new double?[] { 2, 4, 7, 100 }));
        Assert.Equal(5 / Math.Sqrt(2 * 114.0 / 9), Eda.Correlation(frame)["x", "y"], 14);
    }

    [Fact]
    public void CorrelationOfAConstantColumnIsNaN()
    {
        var frame = new DataFrame(
            new DoubleDataFrameColumn("x", new double?[] { 1, 1, 1 }),
            new DoubleDataFrameColumn("y", new double?[] { 2, 4, 7 }));
        var matrix = Eda.Correlation(frame);
        Assert.True(double.IsNaN(matrix["x", "y"]));
        Assert.True(double.IsNaN(matrix["x", "x"]));
        Assert.Equal(1.0, matrix["y", "y"]);
    }

    [Fact]
    public void GroupBySortsKeysAndSkipsMissingKeys()
    {
        var result = Eda.SummarizeBy(Toy(), "g", "v");
        Assert.Equal(1, result.RowsWithMissingKey);
        Assert.Equal(["a", "b"], result.Groups.Select(g => g.Group));
        Assert.Equal(new GroupStats(2, 6, 6), result.Groups[0].Values["v"]);
        Assert.Equal(new GroupStats(2, 2, 2), result.Groups[1].Values["v"]);
        Assert.Equal(["g", "size", "v count", "v mean", "v median"], result.ToDataFrame().Columns.Select(c => c.Name));
    }

    [Fact]
    public void GroupByNumericKeysSortNumerically()
    {
        var frame = new DataFrame(
            new Int64DataFrameColumn("k", new long?[] { 10, 9, 10 }),
            new DoubleDataFrameColumn("v", new double?[] { 1, 2, 3 }));
        Assert.Equal(["9", "10"], Eda.SummarizeBy(frame, "k", "v").Groups.Select(g => g.Group));
    }

    [Fact]
    public void IqrOutliersUseTukeyFences()
    {
        // n = [1,2,3,4,10]: Q1 = 2, Q3 = 4, IQR = 2, fences −1 and 7 → only 10 (row 4).
        var o = Eda.IqrOutliers(Toy(), columns: ["n"]).Single();
        Assert.Equal((2.0, 4.0, -1.0, 7.0), (o.Q1, o.Q3, o.Lower, o.Upper));
        Assert.Equal([4L], o.Rows);
        Assert.Throws<ArgumentOutOfRangeException>(() => Eda.IqrOutliers(Toy(), k: 0));
    }

    [Fact]
    public void HistogramFreedmanDiaconisAndFixedBins()
    {
        var values = Enumerable.Range(0, 10).Select(i => (double)i).ToArray();
        // IQR = 6.75 − 2.25 = 4.5; h = 2·4.5·10^(−1/3) ≈ 4.18; bins = ⌈9 / 4.18⌉ = 3 (NumPy's 'fd' agrees).
        var fd = Eda.HistogramOf("x", values);
        Assert.Equal("Freedman–Diaconis", fd.Rule);
        Assert.Equal([0.0, 3.0, 6.0, 9.0], fd.Edges);
        Assert.Equal([3L, 3L, 4L], fd.Counts);
        var fixedBins = Eda.HistogramOf("x", values, bins: 2);
        Assert.Equal([5L, 5L], fixedBins.Counts);
        var constant = Eda.HistogramOf("c", [5.0, 5.0, 5.0]);
        Assert.StartsWith("Sturges", constant.Rule);
        Assert.Equal(3, constant.Counts.Sum());
        Assert.Throws<ArgumentOutOfRangeException>(() => Eda.HistogramOf("x", values, bins: 0));
    }

    [Fact]
    public void RuleCheckComparesBothGroups()
    {
        var frame = new DataFrame(
            new DoubleDataFrameColumn("income", new double?[] { 60, 40, 70, 80, null }),
            new DoubleDataFrameColumn("family", new double?[] { 2, 3, 9, 1, 1 }),
            new DoubleDataFrameColumn("score", new double?[] { 90, 50, 30, 70, 99 }));
        // Rows 0 and 3 meet income > 50 and family < 8; rows 1 and 2 do not; row 4 lacks income.
        var r = Eda.CheckRule(frame, "score", new Condition("income", ">", 50), new Condition("family", "<", 8));
        Assert.Equal(new RuleGroup(2, 80, 80), r.Matching);
        Assert.Equal(new RuleGroup(2, 40, 40), r.Others);
        Assert.Equal(1, r.RowsSkipped);
        Assert.Equal(40, r.MeanDifference);
        Assert.True(r.Supported);
        Assert.Equal("income > 50 and family < 8", r.Rule);
        Assert.Contains("supports", r.Summary);
        Assert.Contains("80", r.Summary);
        Assert.Throws<ArgumentException>(() => new Condition("income", "=>", 1));
        var missing = Assert.Throws<ArgumentException>(() => Eda.CheckRule(frame, "spend", new Condition("income", ">", 1)));
        Assert.Contains("income, family, score", missing.Message);
    }
}
