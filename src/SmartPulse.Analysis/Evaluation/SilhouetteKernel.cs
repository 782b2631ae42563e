using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Evaluation;

/// <summary>
/// Exact silhouette in O(n·k + block) memory: rows are sorted by cluster so that each cluster is a
/// contiguous column range; the upper triangle of the distance matrix is walked in tiles, each
/// distance is computed once (SIMD over columns) and added both to its row's and its column's
/// per-cluster sums. Work is split into a fixed number of partitions (pairs of row blocks of equal
/// cost), each with its own accumulator, merged in partition order, so the result is bit-identical
/// whatever the number of cores.
/// </summary>
internal static class SilhouetteKernel
{
    private const int Block = 512;
    private const int MaxPartitions = 4;

    /// <summary>Accumulator doubles allowed across partitions (32 M = 256 MB); many clusters get fewer partitions.</summary>
    private const long AccumulatorBudget = 32_000_000;

    /// <summary>Per-sample silhouette values in the original row order.</summary>
    public static double[] Samples(ReadOnlySpan<double> values, int n, int d, int[] codes, int[] sizes)
    {
        var k = sizes.Length;

        // Counting sort of rows by cluster code (stable).
        var starts = new int[k + 1];
        for (var c = 0; c < k; c++)
        {
            starts[c + 1] = starts[c] + sizes[c];
        }

        var order = new int[n];
        var next = (int[])starts.Clone();
        for (var i = 0; i < n; i++)
        {
            order[next[codes[i]]++] = i;
        }

        var sortedCodes = new int[n];
        var rowsSorted = new double[n * d];
        var columnsSorted = new double[d * n];
        for (var q = 0; q < n; q++)
        {
            var src = order[q];
            sortedCodes[q] = codes[src];
            for (var j = 0; j < d; j++)
            {
                var v = values[(src * d) + j];
                rowsSorted[(q * d) + j] = v;
                columnsSorted[(j * n) + q] = v;
            }
        }

        // Depends only on n and k, never on the machine, so results stay bit-identical everywhere.
        var partitions = (int)Math.Clamp(AccumulatorBudget / Math.Max(1L, (long)n * k), 1, MaxPartitions);
        var blocks = (n + Block - 1) / Block;
        var partitionBlocks = new List<int>[partitions];
        for (var p = 0; p < partitions; p++)
        {
            partitionBlocks[p] = [];
        }

        for (var pair = 0; pair < (blocks + 1) / 2; pair++)
        {
            var target = partitionBlocks[pair % partitions];
            target.Add(pair);
            if (blocks - 1 - pair != pair)
            {
                target.Add(blocks - 1 - pair);
            }
        }

        var accumulators = new double[partitions][];
        Parallel.For(
            0,
            partitions,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            p =>
            {
                if (partitionBlocks[p].Count == 0)
                {
                    return;
                }

                var acc = new double[(long)n * k];
                var dist = new double[Block];
                var colSum = new double[Block];
                foreach (var rowBlock in partitionBlocks[p])
                {
                    ProcessRowBlock(rowBlock, blocks, n, d, k, rowsSorted, columnsSorted, sortedCodes, starts, acc, dist, colSum);
                }

                accumulators[p] = acc;
            });

        double[]? total = null;
        foreach (var acc in accumulators)
        {
            if (acc is null)
            {
                continue;
            }

            if (total is null)
            {
                total = acc;
            }
            else
            {
                TensorPrimitives.Add(total, acc, total);
            }
        }

        total ??= new double[(long)n * k];
        var result = new double[n];
        for (var q = 0; q < n; q++)
        {
            var own = sortedCodes[q];
            if (sizes[own] <= 1)
            {
                result[order[q]] = 0;
                continue;
            }

            var sums = total.AsSpan(q * k, k);
            var a = sums[own] / (sizes[own] - 1);
            var b = double.PositiveInfinity;
            for (var c = 0; c < k; c++)
            {
                if (c != own)
                {
                    b = Math.Min(b, sums[c] / sizes[c]);
                }
            }

            var denominator = Math.Max(a, b);
            result[order[q]] = denominator > 0 ? (b - a) / denominator : 0;
        }

        return result;
    }

    private static void ProcessRowBlock(
        int rowBlock, int blocks, int n, int d, int k,
        double[] rows, double[] columns, int[] codes, int[] starts,
        double[] acc, double[] distBuffer, double[] colSumBuffer)
    {
        var r0 = rowBlock * Block;
        var r1 = Math.Min(n, r0 + Block);
        for (var colBlock = rowBlock; colBlock < blocks; colBlock++)
        {
            var c0 = colBlock * Block;
            var c1 = Math.Min(n, c0 + Block);
            var m = c1 - c0;
            var dist = distBuffer.AsSpan(0, m);
            var colSum = colSumBuffer.AsSpan(0, m);
            var diagonal = colBlock == rowBlock;
            var i = r0;
            while (i < r1)
            {
                // Rows i..segmentEnd all belong to one cluster.
                var cluster = codes[i];
                var segmentEnd = Math.Min(r1, starts[cluster + 1]);
                if (!diagonal)
                {
                    colSum.Clear();
                }

                for (; i < segmentEnd; i++)
                {
                    DistanceRow(rows.AsSpan(i * d, d), columns, n, c0, m, dist);
                    AddRowSums(dist, c0, c1, codes, starts, acc.AsSpan(i * k, k));
                    if (!diagonal)
                    {
                        TensorPrimitives.Add(colSum, dist, colSum);
                    }
                }

                if (!diagonal)
                {
                    for (var j = 0; j < m; j++)
                    {
                        acc[((c0 + j) * k) + cluster] += colSum[j];
                    }
                }
            }
        }
    }

    private static void AddRowSums(ReadOnlySpan<double> dist, int c0, int c1, int[] codes, int[] starts, Span<double> rowAcc)
    {
        var j = c0;
        while (j < c1)
        {
            var cluster = codes[j];
            var end = Math.Min(c1, starts[cluster + 1]);
            rowAcc[cluster] += FixedOrderSum.Sum(dist.Slice(j - c0, end - j));
            j = end;
        }
    }

    /// <summary>dist[j] = ‖x − column(c0 + j)‖ for j in [0, m).</summary>
    internal static void DistanceRow(ReadOnlySpan<double> x, double[] columns, int n, int c0, int m, Span<double> dist) =>
        DistanceKernel.DistancesToColumns(x, columns, n, c0, dist.Slice(0, m));
}
