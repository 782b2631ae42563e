namespace SmartPulse.Analysis.Data;

/// <summary>
/// Count, mean, sum of squared deviations (M2), minimum and maximum of the present values of a part of a
/// column. Each 65,536-value block is summarised in two passes while it is in cache (mean, then squared
/// deviations from it) and parts are combined with Chan, Golub and LeVeque's pairwise update
/// (δ = mean_b − mean_a; mean = mean_a + δ·n_b/n; M2 = M2_a + M2_b + δ²·n_a·n_b/n), so a column read in
/// chunks gets its describe() moments without another pass, as accurate as a two-pass sum.
/// </summary>
internal readonly record struct ColumnMoments(long Count, double Mean, double M2, double Min, double Max)
{
    /// <summary>No values.</summary>
    public static ColumnMoments Empty { get; } = new(0, 0, 0, double.NaN, double.NaN);

    /// <summary>Sample standard deviation (ddof = 1); NaN for fewer than two values.</summary>
    public double Std => Count <= 1 ? double.NaN : Math.Sqrt(M2 / (Count - 1));

    /// <summary>The moments of every block of <paramref name="values"/> (NaN = missing, skipped).</summary>
    public static ColumnMoments Of(ChunkedList<double> values)
    {
        var result = Empty;
        for (var b = 0; b < values.BlockCount; b++)
        {
            result = Combine(result, Of(values.Block(b)));
        }

        return result;
    }

    /// <summary>The moments of <paramref name="values"/> (NaN = missing, skipped), in two passes.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static ColumnMoments Of(ReadOnlySpan<double> values)
    {
        long n = 0;
        var sum = 0.0;
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                n++;
                sum += v;
                min = v < min ? v : min;
                max = v > max ? v : max;
            }
        }

        if (n == 0)
        {
            return Empty;
        }

        var mean = sum / n;
        var m2 = 0.0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                var d = v - mean;
                m2 += d * d;
            }
        }

        return new ColumnMoments(n, mean, m2, min, max);
    }

    /// <summary>The moments of <paramref name="a"/>'s values followed by <paramref name="b"/>'s.</summary>
    public static ColumnMoments Combine(ColumnMoments a, ColumnMoments b)
    {
        if (a.Count == 0)
        {
            return b;
        }

        if (b.Count == 0)
        {
            return a;
        }

        var n = a.Count + b.Count;
        var delta = b.Mean - a.Mean;
        var mean = a.Mean + (delta * b.Count / n);
        var m2 = a.M2 + b.M2 + (delta * delta * ((double)a.Count * b.Count / n));
        return new ColumnMoments(n, mean, m2, Math.Min(a.Min, b.Min), Math.Max(a.Max, b.Max));
    }
}
