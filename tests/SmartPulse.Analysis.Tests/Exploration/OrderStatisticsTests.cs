using SmartPulse.Analysis.Exploration;

namespace SmartPulse.Analysis.Tests.Exploration;

/// <summary>Quartiles by selection equal, bit for bit, the quartiles of the sorted values (pandas' linear interpolation).</summary>
public class OrderStatisticsTests
{
    [Fact]
    public void HandComputedQuartiles()
    {
        // [1, 2, 3, 10]: positions (n−1)q = 0.75, 1.5, 2.25 → 1.75, 2.5, 4.75.
        Assert.Equal((1.75, 2.5, 4.75), OrderStatistics.Quartiles([10.0, 3, 1, 2]));
        Assert.Equal((7.0, 7.0, 7.0), OrderStatistics.Quartiles([7.0]));
        Assert.True(double.IsNaN(OrderStatistics.Quartiles([]).Median));
    }

    [Fact]
    public void LinearQuantilePositionsByHand()
    {
        // n = 4: h = 3·0.25 = 0.75 between ranks 0 and 1; n = 5, q = 0.75: h = 3 exactly; n = 1: rank 0 twice.
        Assert.Equal(new LinearQuantile(0, 1, 0.75), LinearQuantile.Of(4, 0.25));
        Assert.Equal(new LinearQuantile(3, 4, 0), LinearQuantile.Of(5, 0.75));
        Assert.Equal(new LinearQuantile(0, 0, 0), LinearQuantile.Of(1, 0.5));
        Assert.Equal(new LinearQuantile(3, 3, 0), LinearQuantile.Of(4, 1));
        // Ranks beyond int (the streaming reader counts rows in long): (10^10 − 1)·0.25 = 2,499,999,999.75.
        Assert.Equal(new LinearQuantile(2_499_999_999, 2_500_000_000, 0.75), LinearQuantile.Of(10_000_000_000, 0.25));
        Assert.Equal(2.5, new LinearQuantile(1, 2, 0.5).Between(2, 3));
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(5, 2)]
    [InlineData(25, 3)]
    [InlineData(1000, 4)]
    [InlineData(100_001, 5)]
    public void EqualTheSortedQuartilesOnRandomDataWithTies(int n, int seed)
    {
        var random = new Random(seed);
        foreach (var distinct in new[] { 3, 1000, int.MaxValue })
        {
            var values = Enumerable.Range(0, n).Select(_ => distinct == int.MaxValue ? random.NextDouble() * 100 - 50 : random.Next(distinct) * 0.5).ToArray();
            var sorted = values.Order().ToArray();
            var expected = (Stats.QuantileSorted(sorted, 0.25), Stats.QuantileSorted(sorted, 0.5), Stats.QuantileSorted(sorted, 0.75));
            Assert.Equal(expected, OrderStatistics.Quartiles(values.ToArray()));
        }

        // Already sorted and reversed inputs (the worst cases of naive pivots).
        var ascending = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        var q = (Stats.QuantileSorted(ascending, 0.25), Stats.QuantileSorted(ascending, 0.5), Stats.QuantileSorted(ascending, 0.75));
        Assert.Equal(q, OrderStatistics.Quartiles(ascending.ToArray()));
        Assert.Equal(q, OrderStatistics.Quartiles(ascending.Reverse().ToArray()));
    }
}
