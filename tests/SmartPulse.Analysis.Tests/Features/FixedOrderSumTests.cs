using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Tests.Features;

public class FixedOrderSumTests
{
    [Fact]
    public void Small_sums_are_exact_by_hand()
    {
        Assert.Equal(0.0, FixedOrderSum.Sum([]));
        Assert.Equal(6.0, FixedOrderSum.Sum([1, 2, 3]));
        // 1..10: one block of eight (36) plus the tail 9 + 10.
        Assert.Equal(55.0, FixedOrderSum.Sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    }

    [Fact]
    public void The_order_is_the_documented_one_not_left_to_right()
    {
        // Lane 0 gets 1e16 then -1e16 (sum 0); lane 1 gets 1 then 1 (sum 2). Left to right, 1e16 + 1 loses the first 1 (the spacing of doubles at 1e16 is 2).
        double[] values = [1e16, 1, 0, 0, 0, 0, 0, 0, -1e16, 1, 0, 0, 0, 0, 0, 0];
        Assert.Equal(2.0, FixedOrderSum.Sum(values));
        Assert.Equal(1.0, values.Aggregate(0.0, (a, v) => a + v));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(64)]
    [InlineData(511)]
    [InlineData(1000)]
    public void Every_width_gives_the_same_bits_as_the_definition(int n)
    {
        // Values over many magnitudes so a different summation order would show in the last bits.
        var random = new Random(11);
        var values = Enumerable.Range(0, n).Select(_ => (random.NextDouble() - 0.3) * Math.Pow(10, random.Next(-6, 7))).ToArray();
        var lanes = new double[8];
        var blocks = n / 8;
        for (var b = 0; b < blocks; b++)
        {
            for (var l = 0; l < 8; l++)
            {
                lanes[l] += values[(b * 8) + l];
            }
        }

        var expected = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
        for (var i = blocks * 8; i < n; i++)
        {
            expected += values[i];
        }

        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(FixedOrderSum.Sum512(values)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(FixedOrderSum.Sum256(values)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(FixedOrderSum.SumScalar(values)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(FixedOrderSum.Sum(values)));
    }
}
