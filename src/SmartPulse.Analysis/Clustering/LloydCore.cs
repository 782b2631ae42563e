using System.Numerics.Tensors;
using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Clustering;

/// <summary>
/// Exact k-means building blocks in double precision on a column-major copy of the data:
/// scikit-learn's greedy k-means++ seeding and Lloyd iterations. Rows are processed in fixed chunks
/// (SIMD across rows, chunks across cores) and per-chunk partial sums are merged in chunk order, so
/// results are bit-identical whatever the number of cores.
/// </summary>
internal sealed partial class LloydCore
{
    /// <summary>Rows per work block: sums are merged block by block in row order (the streamed Lloyd uses the same blocks).</summary>
    internal const int ChunkRows = 8192;

    private readonly double[] _columns;
    private readonly FeatureMatrix? _data;

    public LloydCore(FeatureMatrix data)
    {
        _data = data;
        var rows = data.Rows;
        var columns = data.Columns;
        N = rows;
        D = columns;
        _columns = DistanceKernel.ToColumnMajor(data);
        MeanVariance = ComputeMeanVariance(_columns, rows, columns);
    }

    /// <summary>
    /// Works on <paramref name="columnMajor"/> itself (feature j at [j·rows, (j+1)·rows)), without the row-major copy:
    /// the columnar path holds the numbers once. Results are bit-identical to the <see cref="FeatureMatrix"/>
    /// constructor on the same values (every sum adds the same rows in the same order).
    /// </summary>
    public LloydCore(double[] columnMajor, int rows, int columns)
    {
        _columns = columnMajor;
        N = rows;
        D = columns;
        MeanVariance = ComputeMeanVariance(_columns, rows, columns);
    }

    private static double ComputeMeanVariance(double[] all, int rows, int columns)
    {
        var meanVariance = 0.0;
        for (var j = 0; j < columns; j++)
        {
            var col = all.AsSpan(j * rows, rows);
            var mean = 0.0;
            foreach (var v in col)
            {
                mean += v;
            }

            mean /= rows;
            var ss = 0.0;
            foreach (var v in col)
            {
                ss += (v - mean) * (v - mean);
            }

            meanVariance += ss / rows;
        }

        return columns == 0 ? 0 : meanVariance / columns;
    }

    public int N { get; }

    public int D { get; }

    /// <summary>Mean of the column variances (ddof 0): scikit-learn's scale for <c>tol</c>.</summary>
    public double MeanVariance { get; }

    private int Chunks => (N + ChunkRows - 1) / ChunkRows;

    /// <summary>
    /// Lloyd iterations from <paramref name="initial"/> (scikit-learn's <c>_kmeans_single_lloyd</c>): assign, recompute
    /// means, stop when no label changes or the squared centre shift is ≤ <paramref name="toleranceAbsolute"/>; then
    /// labels are re-assigned to the final centres. Empty clusters take the row farthest from its centre.
    /// </summary>
    public LloydResult Lloyd(double[] initial, int k, int maxIterations, double toleranceAbsolute)
    {
        var d = D;
        var centers = (double[])initial.Clone();
        var labels = new int[N];
        var previous = new int[N];
        var dist = new double[N];
        var chunks = Chunks;
        var partialSums = new double[chunks][];
        var partialCounts = new long[chunks][];
        for (var ch = 0; ch < chunks; ch++)
        {
            partialSums[ch] = new double[k * d];
            partialCounts[ch] = new long[k];
        }

        var iterations = 0;
        var strict = false;
        var relocated = 0;
        Array.Fill(previous, -1);
        for (var it = 0; it < maxIterations; it++)
        {
            iterations = it + 1;
            AssignAndSum(centers, k, labels, dist, partialSums, partialCounts);
            var sums = new double[k * d];
            var counts = new long[k];
            for (var ch = 0; ch < chunks; ch++)
            {
                for (var x = 0; x < sums.Length; x++)
                {
                    sums[x] += partialSums[ch][x];
                }

                for (var c = 0; c < k; c++)
                {
                    counts[c] += partialCounts[ch][c];
                }
            }

            relocated += RelocateEmpty(sums, counts, labels, dist, k);
            var shift = 0.0;
            for (var c = 0; c < k; c++)
            {
                if (counts[c] == 0)
                {
                    continue;
                }

                for (var j = 0; j < d; j++)
                {
                    var updated = sums[(c * d) + j] / counts[c];
                    var delta = updated - centers[(c * d) + j];
                    shift += delta * delta;
                    centers[(c * d) + j] = updated;
                }
            }

            if (labels.AsSpan().SequenceEqual(previous))
            {
                strict = true;
                break;
            }

            if (shift <= toleranceAbsolute)
            {
                break;
            }

            (labels, previous) = (previous, labels);
        }

        if (!strict)
        {
            AssignAndSum(centers, k, labels, dist, partialSums, partialCounts);
        }

        var inertia = 0.0;
        foreach (var v in dist)
        {
            inertia += v;
        }

        return new LloydResult(centers, labels, inertia, iterations, strict, relocated);
    }

    /// <summary>Nearest centre of every row (ties: the lowest index) and the squared distance to it.</summary>
    public void Assign(double[] centers, int k, int[] labels, double[] dist)
    {
        var chunks = Chunks;
        Parallel.For(0, chunks, Parallelism.Options, ch =>
        {
            var r0 = ch * ChunkRows;
            var r1 = Math.Min(N, r0 + ChunkRows);
            AssignRange(centers, k, r0, r1, labels, dist);
        });
    }

    private void AssignAndSum(double[] centers, int k, int[] labels, double[] dist, double[][] partialSums, long[][] partialCounts)
    {
        var d = D;
        Parallel.For(0, Chunks, Parallelism.Options, ch =>
        {
            var r0 = ch * ChunkRows;
            var r1 = Math.Min(N, r0 + ChunkRows);
            AssignRange(centers, k, r0, r1, labels, dist);
            var sums = partialSums[ch];
            var counts = partialCounts[ch];
            Array.Clear(sums);
            Array.Clear(counts);
            for (var r = r0; r < r1; r++)
            {
                counts[labels[r]]++;
            }

            if (_data is not null)
            {
                AddRows(_data.Values, d, r0, r1, labels, sums);
            }
            else
            {
                AddColumns(_columns, N, d, r0, r1, labels, sums);
            }
        });
    }

    /// <summary>
    /// sums[label(r)] += row r for rows r0..r1, row-major, SIMD over the features; even and odd rows use separate
    /// accumulators (merged at the end) so consecutive rows of one cluster do not wait on each other.
    /// </summary>
    private static void AddRows(ReadOnlySpan<double> rows, int d, int r0, int r1, int[] labels, double[] sums)
    {
        var odd = new double[sums.Length];
        for (var r = r0; r < r1; r++)
        {
            var target = ((r - r0) & 1) == 0 ? sums : odd;
            AddTo(target.AsSpan(labels[r] * d, d), rows.Slice(r * d, d));
        }

        for (var x = 0; x < sums.Length; x++)
        {
            sums[x] += odd[x];
        }
    }

    /// <summary>The column-major twin of <see cref="AddRows"/>: each sum receives the same rows in the same order (even/odd split), so results are bit-identical.</summary>
    internal static void AddColumns(double[] columns, int n, int d, int r0, int r1, int[] labels, double[] sums)
    {
        var odd = new double[sums.Length];
        for (var j = 0; j < d; j++)
        {
            var col = columns.AsSpan(j * n, r1);
            for (var r = r0; r < r1; r++)
            {
                var target = ((r - r0) & 1) == 0 ? sums : odd;
                target[(labels[r] * d) + j] += col[r];
            }
        }

        for (var x = 0; x < sums.Length; x++)
        {
            sums[x] += odd[x];
        }
    }

    private static void AddTo(Span<double> target, ReadOnlySpan<double> x) => TensorPrimitives.Add(target, x, target);

    private void AssignRange(double[] centers, int k, int r0, int r1, int[] labels, double[] dist) =>
        DistanceKernel.Nearest(centers, k, _columns, N, r0, labels.AsSpan(r0, r1 - r0), dist.AsSpan(r0, r1 - r0));

    private int RelocateEmpty(double[] sums, long[] counts, int[] labels, double[] dist, int k)
    {
        var relocated = 0;
        for (var c = 0; c < k; c++)
        {
            if (counts[c] != 0)
            {
                continue;
            }

            // The row farthest from its centre, among clusters that keep at least one row.
            var far = -1;
            var farDist = -1.0;
            for (var r = 0; r < N; r++)
            {
                if (dist[r] > farDist && counts[labels[r]] > 1)
                {
                    farDist = dist[r];
                    far = r;
                }
            }

            if (far < 0 || farDist <= 0)
            {
                continue; // fewer distinct rows than clusters: nothing to move.
            }

            var from = labels[far];
            for (var j = 0; j < D; j++)
            {
                var v = _columns[(j * N) + far];
                sums[(from * D) + j] -= v;
                sums[(c * D) + j] = v;
            }

            counts[from]--;
            counts[c] = 1;
            labels[far] = c;
            dist[far] = 0;
            relocated++;
        }

        return relocated;
    }

    private void CopyRow(int row, Span<double> target)
    {
        for (var j = 0; j < D; j++)
        {
            target[j] = _columns[(j * N) + row];
        }
    }
}
