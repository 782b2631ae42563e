namespace SmartPulse.Analysis.Exploration;

/// <summary>Small, exact descriptive statistics shared by the EDA routines.</summary>
public static class Stats
{
    /// <summary>Arithmetic mean; NaN for an empty input.</summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    /// <summary>
    /// Standard deviation with <paramref name="ddof"/> delta degrees of freedom:
    /// sqrt(Σ(x − mean)² / (n − ddof)). ddof = 1 is the sample std (pandas), ddof = 0 the population
    /// std (NumPy, scikit-learn's StandardScaler). NaN when n ≤ ddof.
    /// </summary>
    public static double StandardDeviation(ReadOnlySpan<double> values, int ddof = 1)
    {
        if (values.Length <= ddof)
        {
            return double.NaN;
        }

        var mean = Mean(values);
        var sum = 0.0;
        foreach (var v in values)
        {
            var d = v - mean;
            sum += d * d;
        }

        return Math.Sqrt(sum / (values.Length - ddof));
    }

    /// <summary>
    /// The <paramref name="q"/> quantile of ascending-sorted values by linear interpolation (pandas /
    /// NumPy default): position h = (n − 1)·q, result = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">q is outside [0, 1].</exception>
    public static double QuantileSorted(ReadOnlySpan<double> sorted, double q)
    {
        if (q is < 0 or > 1 || double.IsNaN(q))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "q must be in [0, 1].");
        }

        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        var at = LinearQuantile.Of(sorted.Length, q);
        return at.Between(sorted[(int)at.Lower], sorted[(int)at.Upper]);
    }

    /// <summary>NumPy's lerp between neighbouring order statistics <paramref name="a"/> ≤ <paramref name="b"/> at fraction <paramref name="t"/>: the symmetric form keeps the result exact at both ends.</summary>
    internal static double Interpolate(double a, double b, double t) => t >= 0.5 ? b - ((b - a) * (1 - t)) : a + ((b - a) * t);

    /// <summary>The <paramref name="q"/> quantile of unsorted values (copies and sorts).</summary>
    public static double Quantile(ReadOnlySpan<double> values, double q)
    {
        var copy = values.ToArray();
        Array.Sort(copy);
        return QuantileSorted(copy, q);
    }

    /// <summary>The median (0.5 quantile, linear interpolation).</summary>
    public static double Median(ReadOnlySpan<double> values) => Quantile(values, 0.5);

    /// <summary>Ranks with ties given their average rank (1-based), as scipy's rankdata / pandas rank().</summary>
    public static double[] AverageRanks(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var copy = values.ToArray();
        Array.Sort(copy, order);
        var ranks = new double[n];
        var start = 0;
        while (start < n)
        {
            var end = start;
            while (end + 1 < n && copy[end + 1] == copy[start])
            {
                end++;
            }

            var rank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }

    /// <summary>Pearson correlation r = Σ(x−x̄)(y−ȳ) / sqrt(Σ(x−x̄)² Σ(y−ȳ)²); NaN if either side is constant or n &lt; 2.</summary>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"x has {x.Length} values but y has {y.Length}.", nameof(y));
        }

        if (x.Length < 2)
        {
            return double.NaN;
        }

        var mx = Mean(x);
        var my = Mean(y);
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var dx = x[i] - mx;
            var dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxx == 0 || syy == 0 ? double.NaN : Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }
}
