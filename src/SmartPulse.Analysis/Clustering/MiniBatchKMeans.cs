namespace SmartPulse.Analysis.Clustering;

/// <summary>
/// Mini-batch k-means as scikit-learn's <c>MiniBatchKMeans</c> (1.2, <c>_kmeans.py</c>): k-means++ on
/// <c>init_size</c> random rows (best of <see cref="MiniBatchKMeansOptions.Restarts"/> by inertia on a
/// validation sample), then steps on random batches: each centre moves to the running mean of every row
/// it has received (<c>c ← (c·w + Σx) / (w + m)</c>), centres with few rows are re-seeded from the batch
/// (<c>reassignment_ratio</c>, every 10·k rows or when a centre is empty), and the run stops after
/// <c>max_iter·n / batch_size</c> steps or when the smoothed batch inertia has not improved for
/// <c>max_no_improvement</c> steps. Labels and inertia are then computed on all rows.
/// Randomness comes from <see cref="Random"/> seeded with <see cref="MiniBatchKMeansOptions.Seed"/>, so
/// results match scikit-learn's statistically, not draw for draw.
/// </summary>
internal static class MiniBatchKMeans
{
    /// <summary>Fits on a column-major matrix (feature j at [j·n, (j+1)·n)).</summary>
    public static LloydResult Fit(double[] columns, int n, int d, MiniBatchKMeansOptions options, out int steps)
    {
        var k = options.K;
        var batch = Math.Min(options.BatchSize, n);
        var random = new Random(options.Seed);
        var initSize = options.InitSize ?? (3 * batch < k ? 3 * k : 3 * batch);
        initSize = Math.Min(Math.Max(initSize, k), n);
        var validation = Gather(columns, n, d, Draw(random, n, initSize));
        double[]? centers = null;
        var bestInertia = double.PositiveInfinity;
        for (var init = 0; init < options.Restarts; init++)
        {
            var subset = Gather(columns, n, d, Draw(random, n, initSize));
            var core = new LloydCore(ToColumnMajor(subset, initSize, d), initSize, d);
            var candidate = core.KMeansPlusPlus(k, random);
            var inertia = 0.0;
            for (var r = 0; r < initSize; r++)
            {
                inertia += Nearest(validation.AsSpan(r * d, d), candidate, k, d, out _);
            }

            if (inertia < bestInertia)
            {
                bestInertia = inertia;
                centers = candidate;
            }
        }

        var next = new double[k * d];
        var counts = new double[k];
        var labels = new int[batch];
        var rows = new double[batch * d];
        double? ewa = null;
        double? ewaMin = null;
        var noImprovement = 0;
        long sinceReassign = 0;
        var nSteps = (long)options.MaxIterations * n / batch;
        steps = 0;
        for (long step = 0; step < nSteps; step++)
        {
            steps++;
            for (var i = 0; i < batch; i++)
            {
                var row = random.Next(n);
                for (var j = 0; j < d; j++)
                {
                    rows[(i * d) + j] = columns[((long)j * n) + row];
                }
            }

            sinceReassign += batch;
            var reassign = false;
            if (counts.Contains(0) || sinceReassign >= 10L * k)
            {
                sinceReassign = 0;
                reassign = true;
            }

            var batchInertia = 0.0;
            for (var i = 0; i < batch; i++)
            {
                batchInertia += Nearest(rows.AsSpan(i * d, d), centers!, k, d, out labels[i]);
            }

            Update(rows, labels, batch, d, k, centers!, next, counts);
            if (reassign && options.ReassignmentRatio > 0)
            {
                Reassign(rows, batch, d, k, next, counts, options.ReassignmentRatio, random);
            }

            (centers, next) = (next, centers!);
            batchInertia /= batch;
            if (step == 0)
            {
                continue;
            }

            var alpha = Math.Min(batch * 2.0 / (n + 1), 1);
            ewa = ewa is null ? batchInertia : (ewa.Value * (1 - alpha)) + (batchInertia * alpha);
            if (ewaMin is null || ewa < ewaMin)
            {
                noImprovement = 0;
                ewaMin = ewa;
            }
            else
            {
                noImprovement++;
            }

            if (options.MaxNoImprovement is { } limit && noImprovement >= limit)
            {
                break;
            }
        }

        var final = new LloydCore(columns, n, d);
        var allLabels = new int[n];
        var dist = new double[n];
        final.Assign(centers!, k, allLabels, dist);
        var total = 0.0;
        foreach (var v in dist)
        {
            total += v;
        }

        return new LloydResult(centers!, allLabels, total, (int)Math.Ceiling((double)steps * batch / n), true, 0);
    }

    private static void Update(double[] rows, int[] labels, int batch, int d, int k, double[] centers, double[] next, double[] counts)
    {
        var sums = new double[k * d];
        var members = new double[k];
        for (var i = 0; i < batch; i++)
        {
            var c = labels[i];
            members[c]++;
            for (var j = 0; j < d; j++)
            {
                sums[(c * d) + j] += rows[(i * d) + j];
            }
        }

        for (var c = 0; c < k; c++)
        {
            if (members[c] == 0)
            {
                Array.Copy(centers, c * d, next, c * d, d);
                continue;
            }

            var total = counts[c] + members[c];
            for (var j = 0; j < d; j++)
            {
                next[(c * d) + j] = ((centers[(c * d) + j] * counts[c]) + sums[(c * d) + j]) / total;
            }

            counts[c] = total;
        }
    }

    private static void Reassign(double[] rows, int batch, int d, int k, double[] centers, double[] counts, double ratio, Random random)
    {
        var max = counts.Max();
        var to = counts.Select(w => w < ratio * max).ToArray();
        var half = (int)(0.5 * batch);
        if (to.Count(t => t) > half)
        {
            // scikit-learn: only the half-batch smallest counts may move (argsort(counts)[half:] stay).
            var order = Enumerable.Range(0, k).OrderBy(c => counts[c]).ToArray();
            foreach (var c in order.Skip(half))
            {
                to[c] = false;
            }
        }

        var moving = Enumerable.Range(0, k).Where(c => to[c]).ToArray();
        if (moving.Length == 0)
        {
            return;
        }

        var picks = Enumerable.Range(0, batch).OrderBy(_ => random.Next()).Take(moving.Length).ToArray();
        for (var m = 0; m < moving.Length; m++)
        {
            Array.Copy(rows, picks[m] * d, centers, moving[m] * d, d);
        }

        var keep = Enumerable.Range(0, k).Where(c => !to[c]).Select(c => counts[c]).DefaultIfEmpty(0).Min();
        foreach (var c in moving)
        {
            counts[c] = keep;
        }
    }

    private static double Nearest(ReadOnlySpan<double> x, double[] centers, int k, int d, out int label)
    {
        label = 0;
        var best = double.PositiveInfinity;
        for (var c = 0; c < k; c++)
        {
            var s = 0.0;
            for (var j = 0; j < d; j++)
            {
                var diff = x[j] - centers[(c * d) + j];
                s += diff * diff;
            }

            if (s < best)
            {
                best = s;
                label = c;
            }
        }

        return best;
    }

    private static int[] Draw(Random random, int n, int count)
    {
        var result = new int[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = random.Next(n);
        }

        return result;
    }

    private static double[] Gather(double[] columns, int n, int d, int[] indexes)
    {
        var rows = new double[indexes.Length * d];
        for (var i = 0; i < indexes.Length; i++)
        {
            for (var j = 0; j < d; j++)
            {
                rows[(i * d) + j] = columns[((long)j * n) + indexes[i]];
            }
        }

        return rows;
    }

    private static double[] ToColumnMajor(double[] rows, int n, int d)
    {
        var result = new double[rows.Length];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                result[(j * n) + i] = rows[(i * d) + j];
            }
        }

        return result;
    }
}
