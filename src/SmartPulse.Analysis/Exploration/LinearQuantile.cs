namespace SmartPulse.Analysis.Exploration;

/// <summary>
/// Where the <c>q</c> quantile of <c>n</c> values lies under linear interpolation (pandas' and NumPy's default):
/// position h = (n − 1)·q, between the order statistics of ranks ⌊h⌋ (<see cref="Lower"/>) and
/// min(⌊h⌋ + 1, n − 1) (<see cref="Upper"/>), at fraction h − ⌊h⌋. The one definition the sorted
/// (<see cref="Stats.QuantileSorted"/>), in-place selection (<see cref="OrderStatistics"/>) and streaming
/// (<c>Data.ColumnQuartiles</c>) quantiles share, so all three give the same bits.
/// </summary>
/// <param name="Lower">The 0-based rank of the order statistic at or below the position.</param>
/// <param name="Upper">The rank above it (equal to <paramref name="Lower"/> at the last value).</param>
/// <param name="Fraction">h − ⌊h⌋, in [0, 1).</param>
internal readonly record struct LinearQuantile(long Lower, long Upper, double Fraction)
{
    /// <summary>The ranks and fraction of the <paramref name="q"/> quantile of <paramref name="count"/> (≥ 1) values.</summary>
    public static LinearQuantile Of(long count, double q)
    {
        var h = (count - 1) * q;
        var lower = (long)Math.Floor(h);
        return new LinearQuantile(lower, Math.Min(lower + 1, count - 1), h - lower);
    }

    /// <summary>The quantile, from the order statistics at <see cref="Lower"/> and <see cref="Upper"/>.</summary>
    public double Between(double lower, double upper) => Stats.Interpolate(lower, upper, Fraction);
}
