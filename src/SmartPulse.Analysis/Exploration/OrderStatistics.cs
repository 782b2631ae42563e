namespace SmartPulse.Analysis.Exploration;

/// <summary>
/// Quartiles without sorting: in-place selection (quickselect with median-of-three pivots, falling back
/// to a sort when the partitions degrade) puts the few order statistics a linear-interpolation quantile
/// needs into place in O(n). The values picked are the same as after a full sort, so the quartiles are
/// bit-identical to <see cref="Stats.QuantileSorted"/> on the sorted data.
/// </summary>
internal static class OrderStatistics
{
    private const int SmallRange = 24;

    /// <summary>The 25 %, 50 % and 75 % quantiles (linear interpolation, as pandas) of <paramref name="values"/>, which are reordered.</summary>
    public static (double Q25, double Median, double Q75) Quartiles(Span<double> values)
    {
        if (values.IsEmpty)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        var n = values.Length;
        Span<LinearQuantile> at = [LinearQuantile.Of(n, 0.25), LinearQuantile.Of(n, 0.5), LinearQuantile.Of(n, 0.75)];
        Span<int> ranks = [(int)at[0].Lower, (int)at[0].Upper, (int)at[1].Lower, (int)at[1].Upper, (int)at[2].Lower, (int)at[2].Upper];
        SelectAll(values, ranks, 0, n - 1);
        return (
            at[0].Between(values[ranks[0]], values[ranks[1]]),
            at[1].Between(values[ranks[2]], values[ranks[3]]),
            at[2].Between(values[ranks[4]], values[ranks[5]]));
    }

    /// <summary>Puts every rank of <paramref name="ranks"/> (sorted ascending) that lies in [lo, hi] into place.</summary>
    private static void SelectAll(Span<double> v, ReadOnlySpan<int> ranks, int lo, int hi)
    {
        var first = 0;
        while (first < ranks.Length && ranks[first] < lo)
        {
            first++;
        }

        var last = ranks.Length - 1;
        while (last >= first && ranks[last] > hi)
        {
            last--;
        }

        if (first > last || lo >= hi)
        {
            return;
        }

        var mid = ranks[(first + last) / 2];
        Select(v, mid, lo, hi);
        SelectAll(v, ranks[first..((first + last) / 2)], lo, mid - 1);
        SelectAll(v, ranks[(((first + last) / 2) + 1)..(last + 1)], mid + 1, hi);
    }

    /// <summary>Reorders v[lo..hi] so that v[k] holds the value a sort would put there, smaller-or-equal values before it and greater-or-equal after.</summary>
    internal static void Select(Span<double> v, int k, int lo, int hi)
    {
        var budget = 2 * (64 - ulong.LeadingZeroCount((ulong)(hi - lo + 1)));
        while (hi > lo)
        {
            if (hi - lo < SmallRange || budget-- == 0)
            {
                v[lo..(hi + 1)].Sort();
                return;
            }

            var m = lo + ((hi - lo) / 2);
            if (v[m] < v[lo])
            {
                (v[m], v[lo]) = (v[lo], v[m]);
            }

            if (v[hi] < v[lo])
            {
                (v[hi], v[lo]) = (v[lo], v[hi]);
            }

            if (v[hi] < v[m])
            {
                (v[hi], v[m]) = (v[m], v[hi]);
            }

            var pivot = v[m];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (v[i] < pivot)
                {
                    i++;
                }

                while (v[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (v[i], v[j]) = (v[j], v[i]);
                    i++;
                    j--;
                }
            }

            // v[lo..j] <= pivot, v[j+1..i-1] == pivot, v[i..hi] >= pivot.
            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
        }
    }
}
