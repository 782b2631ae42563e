using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SmartPulse.Analysis.Features;

/// <summary>
/// The one squared-Euclidean distance kernel of the library. Every caller (k-means seeding and assignment, Ward,
/// DBSCAN, the silhouette, cluster metrics, fitted models, segment assignment, clustering results) goes through it.
/// <para>
/// Definition: ‖a − b‖² = Σⱼ (aⱼ − bⱼ)², accumulated over the features in index order with one fused multiply-add
/// per feature (<c>acc = fma(aⱼ − bⱼ, aⱼ − bⱼ, acc)</c>, starting from 0). Every path — the row-against-row
/// <see cref="Squared"/> and the SIMD paths over column-major blocks, whatever the vector width — performs exactly those
/// operations for each pair, so one pair's distance is bit-identical whichever caller computes it.
/// </para>
/// <para>
/// Column-major blocks: point <c>p</c>'s feature <c>j</c> lives at <c>columns[j·stride + p]</c>
/// (see <see cref="ToColumnMajor"/>). SIMD runs across points (8 or 4 at a time), each loop written once over
/// <see cref="ILanes{TV}"/> and specialised per width by the JIT.
/// </para>
/// </summary>
internal static class DistanceKernel
{
    /// <summary>‖a − b‖² for two rows of equal length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Squared(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Rows of different lengths ({a.Length} and {b.Length}) have no distance.", nameof(b));
        }

        var acc = 0.0;
        for (var j = 0; j < a.Length; j++)
        {
            acc = Lanes1.SquareAdd(a[j], b[j], acc);
        }

        return acc;
    }

    /// <summary>The nearest of the <paramref name="k"/> row-major <paramref name="centres"/> to one row (ties: the lowest index); its squared distance in <paramref name="squared"/>.</summary>
    public static int NearestRow(ReadOnlySpan<double> row, ReadOnlySpan<double> centres, int k, out double squared)
    {
        var d = row.Length;
        var label = 0;
        squared = double.PositiveInfinity;
        for (var c = 0; c < k; c++)
        {
            var s = Squared(row, centres.Slice(c * d, d));
            if (s < squared)
            {
                squared = s;
                label = c;
            }
        }

        return label;
    }

    /// <summary>Row-major <paramref name="data"/> copied column-major (feature j of row r at <c>j·rows + r</c>).</summary>
    public static double[] ToColumnMajor(FeatureMatrix data)
    {
        var rows = data.Rows;
        var columns = data.Columns;
        var values = data.Values;
        var result = new double[(long)rows * columns];
        for (var r = 0; r < rows; r++)
        {
            for (var j = 0; j < columns; j++)
            {
                result[((long)j * rows) + r] = values[(r * columns) + j];
            }
        }

        return result;
    }

    /// <summary><c>target[i] = ‖point − p‖²</c> for the column-major points p = <paramref name="start"/> + i.</summary>
    public static void SquaredToColumns(ReadOnlySpan<double> point, ReadOnlySpan<double> columns, int stride, int start, Span<double> target) =>
        Dispatch(point, columns, stride, start, target, default(Plain));

    /// <summary><c>target[i] = ‖point − p‖</c> (Euclidean, square-rooted) for the column-major points p = <paramref name="start"/> + i.</summary>
    public static void DistancesToColumns(ReadOnlySpan<double> point, ReadOnlySpan<double> columns, int stride, int start, Span<double> target) =>
        Dispatch(point, columns, stride, start, target, default(Root));

    /// <summary>
    /// <c>target[i] = 2·s·w[i] / (s + w[i]) · ‖point − p‖²</c> for the column-major points p = <paramref name="start"/> + i:
    /// the Ward merge cost of a cluster of size <paramref name="size"/> at <paramref name="point"/> with the clusters of sizes
    /// <c>w[i] = sizes[start + i]</c> (indexed like the points).
    /// </summary>
    public static void WardCosts(ReadOnlySpan<double> point, ReadOnlySpan<double> columns, int stride, int start, double size, double[] sizes, Span<double> target) =>
        Dispatch(point, columns, stride, start, target, new Ward(size, sizes, start));

    /// <summary>
    /// For the column-major points p = <paramref name="start"/> + i (i &lt; <paramref name="labels"/>.Length): the nearest
    /// of the <paramref name="k"/> row-major <paramref name="centres"/> (ties: the lowest index) and the squared distance to it.
    /// </summary>
    public static void Nearest(ReadOnlySpan<double> centres, int k, ReadOnlySpan<double> columns, int stride, int start, Span<int> labels, Span<double> best)
    {
        ref var col = ref MemoryMarshal.GetReference(columns);
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            i = Nearest<Vector512<double>, Lanes512>(centres, k, ref col, stride, start, labels, best, i);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            i = Nearest<Vector256<double>, Lanes256>(centres, k, ref col, stride, start, labels, best, i);
        }

        Nearest<double, Lanes1>(centres, k, ref col, stride, start, labels, best, i);
    }

    private static int Nearest<TV, TL>(ReadOnlySpan<double> centres, int k, ref double col, int stride, int start, Span<int> labels, Span<double> best, int from)
        where TV : struct
        where TL : struct, ILanes<TV>
    {
        var d = k == 0 ? 0 : centres.Length / k;
        var m = labels.Length;
        ref var bestRef = ref MemoryMarshal.GetReference(best);
        var i = from;
        for (; i + TL.Count <= m; i += TL.Count)
        {
            var min = TL.Broadcast(double.PositiveInfinity);
            var minIndex = TL.Zero;
            var c = 0;

            // Two centres at a time: independent FMA chains keep the pipelines busy.
            for (; c + 1 < k; c += 2)
            {
                var acc0 = TL.Zero;
                var acc1 = TL.Zero;
                for (var j = 0; j < d; j++)
                {
                    var x = TL.Load(ref col, (nuint)(((long)j * stride) + start + i));
                    acc0 = TL.SquareAdd(x, TL.Broadcast(centres[(c * d) + j]), acc0);
                    acc1 = TL.SquareAdd(x, TL.Broadcast(centres[((c + 1) * d) + j]), acc1);
                }

                TL.KeepSmaller(acc0, c, ref min, ref minIndex);
                TL.KeepSmaller(acc1, c + 1, ref min, ref minIndex);
            }

            for (; c < k; c++)
            {
                var acc = TL.Zero;
                for (var j = 0; j < d; j++)
                {
                    acc = TL.SquareAdd(TL.Load(ref col, (nuint)(((long)j * stride) + start + i)), TL.Broadcast(centres[(c * d) + j]), acc);
                }

                TL.KeepSmaller(acc, c, ref min, ref minIndex);
            }

            TL.Store(min, ref bestRef, (nuint)i);
            for (var l = 0; l < TL.Count; l++)
            {
                labels[i + l] = (int)TL.Element(minIndex, l);
            }
        }

        return i;
    }

    private static void Dispatch<TE>(ReadOnlySpan<double> point, ReadOnlySpan<double> columns, int stride, int start, Span<double> target, TE epilogue)
        where TE : struct, IEpilogue
    {
        ref var col = ref MemoryMarshal.GetReference(columns);
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            i = ToColumns<Vector512<double>, Lanes512, TE>(point, ref col, stride, start, target, epilogue, i);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            i = ToColumns<Vector256<double>, Lanes256, TE>(point, ref col, stride, start, target, epilogue, i);
        }

        ToColumns<double, Lanes1, TE>(point, ref col, stride, start, target, epilogue, i);
    }

    private static int ToColumns<TV, TL, TE>(ReadOnlySpan<double> point, ref double col, int stride, int start, Span<double> target, TE epilogue, int from)
        where TV : struct
        where TL : struct, ILanes<TV>
        where TE : struct, IEpilogue
    {
        var d = point.Length;
        var m = target.Length;
        ref var targetRef = ref MemoryMarshal.GetReference(target);
        ref var pointRef = ref MemoryMarshal.GetReference(point);
        var step = (nuint)stride;
        var i = from;
        for (; i + TL.Count <= m; i += TL.Count)
        {
            var acc = TL.Zero;
            var offset = (nuint)(start + i);
            for (var j = 0; j < d; j++, offset += step)
            {
                acc = TL.SquareAdd(TL.Load(ref col, offset), TL.Broadcast(Unsafe.Add(ref pointRef, j)), acc);
            }

            TL.Store(epilogue.Apply<TV, TL>(acc, i), ref targetRef, (nuint)i);
        }

        return i;
    }

    /// <summary>What happens to a block of squared distances before it is stored.</summary>
    private interface IEpilogue
    {
        TV Apply<TV, TL>(TV squared, int index)
            where TV : struct
            where TL : struct, ILanes<TV>;
    }

    private readonly struct Plain : IEpilogue
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Apply<TV, TL>(TV squared, int index)
            where TV : struct
            where TL : struct, ILanes<TV> => squared;
    }

    private readonly struct Root : IEpilogue
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Apply<TV, TL>(TV squared, int index)
            where TV : struct
            where TL : struct, ILanes<TV> => TL.Sqrt(squared);
    }

    private readonly struct Ward(double size, double[] sizes, int start) : IEpilogue
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TV Apply<TV, TL>(TV squared, int index)
            where TV : struct
            where TL : struct, ILanes<TV> => TL.WardCost(TL.Broadcast(size), TL.Load(ref sizes[0], (nuint)(start + index)), squared);
    }
}
