using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Tests.Features;

public class DistanceKernelTests
{
    [Fact]
    public void Squared_is_the_sum_of_squared_differences()
    {
        // (1−4)² + (2−6)² + (3−3)² = 9 + 16 + 0 = 25, by hand.
        Assert.Equal(25.0, DistanceKernel.Squared([1, 2, 3], [4, 6, 3]));
        Assert.Equal(0.0, DistanceKernel.Squared([], []));
    }

    [Fact]
    public void Squared_rejects_rows_of_different_lengths()
    {
        var error = Assert.Throws<ArgumentException>(() => DistanceKernel.Squared([1, 2], [1]));
        Assert.Contains("different lengths (2 and 1)", error.Message);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    [InlineData(21, 3)]
    [InlineData(37, 5)]
    public void Every_column_path_equals_the_row_definition_bit_for_bit(int n, int d)
    {
        // n covers the 8-wide, 4-wide and scalar tails; the same pair must give the same bits on every path.
        var random = new Random(7);
        var values = Enumerable.Range(0, n * d).Select(_ => (random.NextDouble() * 200) - 100).ToArray();
        var data = new FeatureMatrix(values, n, Enumerable.Range(0, d).Select(j => $"f{j}").ToArray());
        var columns = DistanceKernel.ToColumnMajor(data);
        var point = Enumerable.Range(0, d).Select(_ => random.NextDouble()).ToArray();
        var start = n > 2 ? 1 : 0;
        var m = n - start;
        var squared = new double[m];
        var root = new double[m];
        var ward = new double[m];
        var sizes = Enumerable.Range(0, n).Select(i => 1.0 + (i % 4)).ToArray();
        DistanceKernel.SquaredToColumns(point, columns, n, start, squared);
        DistanceKernel.DistancesToColumns(point, columns, n, start, root);
        DistanceKernel.WardCosts(point, columns, n, start, 3.0, sizes, ward);
        for (var i = 0; i < m; i++)
        {
            var expected = DistanceKernel.Squared(point, data.Row(start + i));
            Assert.Equal(expected, squared[i]);
            Assert.Equal(Math.Sqrt(expected), root[i]);
            var w = sizes[start + i];
            Assert.Equal(2.0 * 3.0 * w / (3.0 + w) * expected, ward[i]);
        }
    }

    [Fact]
    public void Nearest_picks_the_closest_centre_and_the_lowest_index_on_ties()
    {
        // 1-d points 0..9; centres at 2, 7 and 2 again (a tie with centre 0 → centre 0 wins).
        var n = 10;
        var data = new FeatureMatrix(Enumerable.Range(0, n).Select(i => (double)i).ToArray(), n, ["x"]);
        var columns = DistanceKernel.ToColumnMajor(data);
        var labels = new int[n];
        var best = new double[n];
        DistanceKernel.Nearest([2.0, 7.0, 2.0], 3, columns, n, 0, labels, best);
        Assert.Equal([0, 0, 0, 0, 0, 1, 1, 1, 1, 1], labels); // 4.5 is the midpoint: 4 → 0, 5 → 1.
        Assert.Equal([4.0, 1, 0, 1, 4, 4, 1, 0, 1, 4], best);
    }
}
