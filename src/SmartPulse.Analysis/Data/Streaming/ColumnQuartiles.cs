using System.Runtime.CompilerServices;
using SmartPulse.Analysis.Exploration;

namespace SmartPulse.Analysis.Data;

/// <summary>
/// The 25 %, 50 % and 75 % quantiles (linear interpolation, as pandas) of a stored column without copying
/// or sorting it: one pass counts the values in 65,536 equal-width buckets between the minimum and the
/// maximum (a monotone map, so the k-th smallest value lies in the bucket where the running count passes
/// k), a second pass gathers only the values of the few buckets holding the six order statistics needed,
/// and selection inside those picks them. The order statistics are the ones a full sort would give, so the
/// quartiles equal <see cref="OrderStatistics.Quartiles"/> on the same values.
/// </summary>
internal static class ColumnQuartiles
{
    private const int Buckets = 1 << 16;

    /// <summary>Quartiles of the present (non-NaN) values of <paramref name="values"/>, given their count, minimum and maximum.</summary>
    public static (double Q25, double Median, double Q75) Of(ChunkedList<double> values, long present, double min, double max)
    {
        if (present == 0)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        var range = max - min;
        var scale = Buckets / range;
        if (range == 0 || !double.IsFinite(range) || !double.IsFinite(scale) || scale <= 0)
        {
            return range == 0 ? (min, min, min) : Copied(values, present);
        }

        var counts = new long[Buckets];
        for (var b = 0; b < values.BlockCount; b++)
        {
            Count(values.Block(b), counts, min, scale);
        }

        Span<LinearQuantile> at = [LinearQuantile.Of(present, 0.25), LinearQuantile.Of(present, 0.5), LinearQuantile.Of(present, 0.75)];
        Span<long> ranks = [at[0].Lower, at[0].Upper, at[1].Lower, at[1].Upper, at[2].Lower, at[2].Upper];

        // Bucket of each rank and the rank's index inside it (the counts are turned into bucket starts).
        Span<int> bucketOf = stackalloc int[6];
        Span<long> within = stackalloc long[6];
        long start = 0;
        var r = 0;
        for (var b = 0; b < Buckets && r < 6; b++)
        {
            var end = start + counts[b];
            while (r < 6 && ranks[r] < end)
            {
                bucketOf[r] = b;
                within[r] = ranks[r] - start;
                r++;
            }

            start = end;
        }

        var wanted = new Dictionary<int, double[]>();
        foreach (var b in bucketOf)
        {
            if (!wanted.ContainsKey(b))
            {
                wanted[b] = new double[counts[b]];
            }
        }

        var gather = new double[Buckets][];
        foreach (var (b, array) in wanted)
        {
            gather[b] = array;
        }

        // A value outside every wanted bucket's [low, high] (one bucket of margin for rounding) is skipped after two comparisons per bucket.
        var keys = wanted.Keys.Order().ToArray();
        var lows = keys.Select(b => min + ((b - 1) / scale)).ToArray();
        var highs = keys.Select(b => min + ((b + 2) / scale)).ToArray();
        var fill = new int[Buckets];
        for (var blk = 0; blk < values.BlockCount; blk++)
        {
            Gather(values.Block(blk), gather, fill, min, scale, lows, highs);
        }

        Span<double> picked = stackalloc double[6];
        foreach (var (b, array) in wanted)
        {
            // Ranks inside one bucket, ascending: select each in the part after the previous one.
            var lo = 0;
            for (var k = 0; k < 6; k++)
            {
                if (bucketOf[k] != b)
                {
                    continue;
                }

                var index = (int)within[k];
                if (index >= lo)
                {
                    OrderStatistics.Select(array, index, lo, array.Length - 1);
                    lo = index + 1;
                }

                picked[k] = array[index];
            }
        }

        return (at[0].Between(picked[0], picked[1]), at[1].Between(picked[2], picked[3]), at[2].Between(picked[4], picked[5]));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Count(ReadOnlySpan<double> block, long[] counts, double min, double scale)
    {
        foreach (var v in block)
        {
            // NaN (missing) fails the comparison and is skipped.
            if (v >= min)
            {
                counts[Math.Min((int)((v - min) * scale), Buckets - 1)]++;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gather(ReadOnlySpan<double> block, double[]?[] gather, int[] fill, double min, double scale, double[] lows, double[] highs)
    {
        // Up to six wanted buckets; unused ranges are NaN, which no comparison passes.
        Span<double> l = [double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN];
        Span<double> h = [double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN];
        lows.CopyTo(l);
        highs.CopyTo(h);
        double l0 = l[0], l1 = l[1], l2 = l[2], l3 = l[3], l4 = l[4], l5 = l[5];
        double h0 = h[0], h1 = h[1], h2 = h[2], h3 = h[3], h4 = h[4], h5 = h[5];
        foreach (var v in block)
        {
            if ((v >= l0 & v <= h0) | (v >= l1 & v <= h1) | (v >= l2 & v <= h2) | (v >= l3 & v <= h3) | (v >= l4 & v <= h4) | (v >= l5 & v <= h5))
            {
                var b = Math.Min((int)((v - min) * scale), Buckets - 1);
                if (gather[b] is { } target)
                {
                    target[fill[b]++] = v;
                }
            }
        }
    }

    private static (double, double, double) Copied(ChunkedList<double> values, long present)
    {
        var buffer = new double[present];
        var n = 0;
        for (var b = 0; b < values.BlockCount; b++)
        {
            foreach (var v in values.Block(b))
            {
                if (!double.IsNaN(v))
                {
                    buffer[n++] = v;
                }
            }
        }

        return OrderStatistics.Quartiles(buffer);
    }
}
