using System.Numerics.Tensors;
using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Clustering;

/// <summary>
/// Exact k-means building blocks in double precision on a column-major copy of the data:
/// scikit-learn's greedy k-means++ seeding and Lloyd iterations. Rows are processed in fixed chunks
/// (SIMD across rows, chunks across cores) and per-chunk partial sums are merged in chunk order, so
/// results are bit-identical whatever the number of cores.
/// </summary>
internal sealed class LloydCore
{
    private const int ChunkRows = 8192;

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
    /// scikit-learn's greedy k-means++ (<c>_kmeans_plusplus</c>): first centre uniformly at random; every next centre is
    /// the best (lowest potential) of 2 + ⌊ln k⌋ candidates drawn with probability ∝ D(x)².
    /// </summary>
    public double[] KMeansPlusPlus(int k, Random random)
    {
        var d = D;
        var centers = new double[k * d];
        var trials = 2 + (int)Math.Log(k);
        var first = random.Next(N);
        CopyRow(first, centers.AsSpan(0, d));
        var closest = new double[N];
        var potential = CandidateDistances(centers.AsSpan(0, d).ToArray(), 1, [closest], null)[0];
        var cumulative = new double[N];
        var candidateDist = new double[trials][];
        for (var t = 0; t < trials; t++)
        {
            candidateDist[t] = new double[N];
        }

        for (var c = 1; c < k; c++)
        {
            var running = 0.0;
            for (var i = 0; i < N; i++)
            {
                running += closest[i];
                cumulative[i] = running;
            }

            var ids = new int[trials];
            for (var t = 0; t < trials; t++)
            {
                var target = random.NextDouble() * potential;
                var pos = Array.BinarySearch(cumulative, target);
                if (pos < 0)
                {
                    pos = ~pos;
                }
                else
                {
                    // numpy searchsorted(side="left"): first index with cumulative >= target.
                    while (pos > 0 && cumulative[pos - 1] == target)
                    {
                        pos--;
                    }
                }

                ids[t] = Math.Min(pos, N - 1);
            }

            var candidates = new double[trials * d];
            for (var t = 0; t < trials; t++)
            {
                CopyRow(ids[t], candidates.AsSpan(t * d, d));
            }

            var potentials = CandidateDistances(candidates, trials, candidateDist, closest);
            var best = 0;
            var bestPotential = potentials[0];
            for (var t = 1; t < trials; t++)
            {
                if (potentials[t] < bestPotential)
                {
                    bestPotential = potentials[t];
                    best = t;
                }
            }

            potential = bestPotential;
            Array.Copy(candidateDist[best], closest, N);
            CopyRow(ids[best], centers.AsSpan(c * d, d));
        }

        return centers;
    }

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
    private static void AddColumns(double[] columns, int n, int d, int r0, int r1, int[] labels, double[] sums)
    {
        var odd = new double[sums.Length];
        for (var j = 0; j < d; j++)
        {
            var col = columns.AsSpan(j * n, n);
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

    /// <summary>
    /// For each of <paramref name="count"/> candidate centres: squared distance of every row to it, min-ed with
    /// <paramref name="floor"/> when given, written to <paramref name="targets"/>[t]; returns each target's sum. One pass
    /// over the data (each chunk stays in cache for all candidates); sums merged in chunk order (deterministic).
    /// </summary>
    private double[] CandidateDistances(double[] candidates, int count, double[][] targets, double[]? floor)
    {
        var d = D;
        var chunks = Chunks;
        var partial = new double[chunks * count];
        Parallel.For(0, chunks, Parallelism.Options, ch =>
        {
            var r0 = ch * ChunkRows;
            var r1 = Math.Min(N, r0 + ChunkRows);
            for (var t = 0; t < count; t++)
            {
                var span = targets[t].AsSpan(r0, r1 - r0);
                DistanceKernel.SquaredToColumns(candidates.AsSpan(t * d, d), _columns, N, r0, span);

                var sum = 0.0;
                if (floor is not null)
                {
                    for (var r = 0; r < span.Length; r++)
                    {
                        var v = Math.Min(span[r], floor[r0 + r]);
                        span[r] = v;
                        sum += v;
                    }
                }
                else
                {
                    foreach (var v in span)
                    {
                        sum += v;
                    }
                }

                partial[(ch * count) + t] = sum;
            }
        });

        var totals = new double[count];
        for (var ch = 0; ch < chunks; ch++)
        {
            for (var t = 0; t < count; t++)
            {
                totals[t] += partial[(ch * count) + t];
            }
        }

        return totals;
    }

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
