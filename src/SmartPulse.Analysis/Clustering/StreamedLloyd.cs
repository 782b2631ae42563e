using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Clustering;

/// <summary>
/// Full-batch Lloyd k-means over a file read block by block (<see cref="FeatureChunk"/>), one pass of the file per
/// iteration, holding only the centres, one label per row and the blocks in flight. It performs exactly the
/// operations of <see cref="LloydCore.Lloyd"/>: the same distance kernel, the same 8,192-row work blocks (file blocks are
/// multiples of them), partial sums merged in block order and the inertia summed in row order — so from the same
/// initial centres the centres, labels, inertia and iteration count are bit-identical to the in-memory run.
/// </summary>
internal static class StreamedLloyd
{
    /// <summary>One pass over the data: its blocks in file order.</summary>
    public delegate IEnumerable<FeatureChunk> Pass();

    public static LloydResult Run(Pass pass, int n, int d, double[] initial, int k, int maxIterations, double toleranceAbsolute)
    {
        var centers = (double[])initial.Clone();
        var labels = new int[n];
        Array.Fill(labels, -1);
        var iterations = 0;
        var strict = false;
        var relocated = 0;
        var inertia = 0.0;
        for (var it = 0; it < maxIterations; it++)
        {
            iterations = it + 1;
            var sweep = Sweep(pass, centers, k, d, labels, withSums: true);
            inertia = sweep.Inertia;
            var moved = RelocateEmpty(pass, centers, sweep.Sums, sweep.Counts, labels, k, d);
            relocated += moved;
            var shift = 0.0;
            for (var c = 0; c < k; c++)
            {
                if (sweep.Counts[c] == 0)
                {
                    continue;
                }

                for (var j = 0; j < d; j++)
                {
                    var updated = sweep.Sums[(c * d) + j] / sweep.Counts[c];
                    var delta = updated - centers[(c * d) + j];
                    shift += delta * delta;
                    centers[(c * d) + j] = updated;
                }
            }

            if (sweep.Changed == 0 && moved == 0)
            {
                strict = true;
                break;
            }

            if (shift <= toleranceAbsolute)
            {
                break;
            }
        }

        if (!strict)
        {
            inertia = Sweep(pass, centers, k, d, labels, withSums: false).Inertia;
        }

        return new LloydResult(centers, labels, inertia, iterations, strict, relocated);
    }

    /// <summary>Nearest centre of every row into <paramref name="labels"/> (when given) and the total squared distance (summed in row order).</summary>
    public static double Assign(Pass pass, double[] centers, int k, int d, int[]? labels) => Sweep(pass, centers, k, d, labels, withSums: false).Inertia;

    private static SweepResult Sweep(Pass pass, double[] centers, int k, int d, int[]? labels, bool withSums)
    {
        var sums = new double[k * d];
        var counts = new long[k];
        var inertia = 0.0;
        long changed = 0;
        int[] blockLabels = [];
        double[] blockDist = [];
        double[][] partialSums = [];
        long[][] partialCounts = [];
        foreach (var chunk in pass())
        {
            if (blockLabels.Length < chunk.Capacity)
            {
                blockLabels = new int[chunk.Capacity];
                blockDist = new double[chunk.Capacity];
                var blocks = (chunk.Capacity + LloydCore.ChunkRows - 1) / LloydCore.ChunkRows;
                partialSums = [.. Enumerable.Range(0, blocks).Select(_ => new double[k * d])];
                partialCounts = [.. Enumerable.Range(0, blocks).Select(_ => new long[k])];
            }

            var rows = chunk.Rows;
            var count = (rows + LloydCore.ChunkRows - 1) / LloydCore.ChunkRows;
            Parallel.For(0, count, Parallelism.Options, b =>
            {
                var r0 = b * LloydCore.ChunkRows;
                var r1 = Math.Min(rows, r0 + LloydCore.ChunkRows);
                DistanceKernel.Nearest(centers, k, chunk.Values, chunk.Capacity, r0, blockLabels.AsSpan(r0, r1 - r0), blockDist.AsSpan(r0, r1 - r0));
                if (!withSums)
                {
                    return;
                }

                Array.Clear(partialSums[b]);
                Array.Clear(partialCounts[b]);
                for (var r = r0; r < r1; r++)
                {
                    partialCounts[b][blockLabels[r]]++;
                }

                LloydCore.AddColumns(chunk.Values, chunk.Capacity, d, r0, r1, blockLabels, partialSums[b]);
            });
            for (var b = 0; b < count && withSums; b++)
            {
                for (var x = 0; x < sums.Length; x++)
                {
                    sums[x] += partialSums[b][x];
                }

                for (var c = 0; c < k; c++)
                {
                    counts[c] += partialCounts[b][c];
                }
            }

            for (var r = 0; r < rows; r++)
            {
                inertia += blockDist[r];
            }

            if (labels is not null)
            {
                var target = labels.AsSpan((int)chunk.FirstRow, rows);
                for (var r = 0; r < rows; r++)
                {
                    if (target[r] != blockLabels[r])
                    {
                        changed++;
                        target[r] = blockLabels[r];
                    }
                }
            }
        }

        return new SweepResult(sums, counts, changed, inertia);
    }

    /// <summary>
    /// As <see cref="LloydCore"/>: an empty cluster takes the row farthest from its centre among clusters that keep at
    /// least one row (one extra pass per empty cluster; it is rare).
    /// </summary>
    private static int RelocateEmpty(Pass pass, double[] centers, double[] sums, long[] counts, int[] labels, int k, int d)
    {
        var relocated = 0;
        var moved = new HashSet<long>();
        var row = new double[d];
        var farRow = new double[d];
        for (var c = 0; c < k; c++)
        {
            if (counts[c] != 0)
            {
                continue;
            }

            long far = -1;
            var farDist = -1.0;
            foreach (var chunk in pass())
            {
                for (var r = 0; r < chunk.Rows; r++)
                {
                    var global = chunk.FirstRow + r;
                    var label = labels[global];
                    for (var j = 0; j < d; j++)
                    {
                        row[j] = chunk.Values[(j * chunk.Capacity) + r];
                    }

                    var dist = moved.Contains(global) ? 0 : DistanceKernel.Squared(row, centers.AsSpan(label * d, d));
                    if (dist > farDist && counts[label] > 1)
                    {
                        farDist = dist;
                        far = global;
                        row.CopyTo(farRow, 0);
                    }
                }
            }

            if (far < 0 || farDist <= 0)
            {
                continue;
            }

            var from = labels[far];
            for (var j = 0; j < d; j++)
            {
                sums[(from * d) + j] -= farRow[j];
                sums[(c * d) + j] = farRow[j];
            }

            counts[from]--;
            counts[c] = 1;
            labels[far] = c;
            moved.Add(far);
            relocated++;
        }

        return relocated;
    }

    private sealed record SweepResult(double[] Sums, long[] Counts, long Changed, double Inertia);
}
