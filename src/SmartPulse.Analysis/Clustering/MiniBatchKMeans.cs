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
        var batch = Math.Min(options.BatchSize, n);
        var random = new Random(options.Seed);
        var stepper = new MiniBatchStepper(Initialize(columns, n, d, options, random, batch), d, n, batch, options, random);
        var rows = new double[batch * d];
        var nSteps = (long)options.MaxIterations * n / batch;
        for (long step = 0; step < nSteps; step++)
        {
            for (var i = 0; i < batch; i++)
            {
                var row = random.Next(n);
                for (var j = 0; j < d; j++)
                {
                    rows[(i * d) + j] = columns[((long)j * n) + row];
                }
            }

            if (stepper.Step(rows))
            {
                break;
            }
        }

        steps = stepper.Steps;
        var centers = stepper.Centers;
        var final = new LloydCore(columns, n, d);
        var allLabels = new int[n];
        var dist = new double[n];
        final.Assign(centers, options.K, allLabels, dist);
        var total = 0.0;
        foreach (var v in dist)
        {
            total += v;
        }

        return new LloydResult(centers, allLabels, total, (int)Math.Ceiling((double)steps * batch / n), true, 0);
    }

    /// <summary>
    /// Mini-batch k-means fed from a file block by block: centres initialised on <paramref name="sample"/> (a seeded
    /// sample of the rows, column-major), then batches of rows taken in a seeded shuffled order within each block, block
    /// after block, epoch after epoch (at most <see cref="MiniBatchKMeansOptions.MaxIterations"/> passes; early stopping
    /// usually ends the first), then one more pass for every row's label and the inertia.
    /// </summary>
    public static LloydResult FitStreamed(StreamedLloyd.Pass pass, int n, double[] sample, int sampleRows, int d, MiniBatchKMeansOptions options, out int steps)
    {
        var batch = Math.Min(options.BatchSize, n);
        var random = new Random(options.Seed);
        var stepper = new MiniBatchStepper(Initialize(sample, sampleRows, d, options, random, batch), d, n, batch, options, random);
        var rows = new double[batch * d];
        var filled = 0;
        var nSteps = (long)options.MaxIterations * n / batch;
        var done = false;
        for (var epoch = 0; epoch < options.MaxIterations && !done; epoch++)
        {
            foreach (var chunk in pass())
            {
                var order = new int[chunk.Rows];
                for (var i = 0; i < order.Length; i++)
                {
                    order[i] = i;
                }

                random.Shuffle(order);
                foreach (var r in order)
                {
                    for (var j = 0; j < d; j++)
                    {
                        rows[(filled * d) + j] = chunk.Values[(j * chunk.Capacity) + r];
                    }

                    if (++filled < batch)
                    {
                        continue;
                    }

                    filled = 0;
                    if (stepper.Step(rows) || stepper.Steps >= nSteps)
                    {
                        done = true;
                        break;
                    }
                }

                if (done)
                {
                    break;
                }
            }
        }

        steps = stepper.Steps;
        var labels = new int[n];
        var inertia = StreamedLloyd.Assign(pass, stepper.Centers, options.K, d, labels);
        return new LloydResult(stepper.Centers, labels, inertia, (int)Math.Ceiling((double)steps * batch / n), true, 0);
    }

    /// <summary>
    /// scikit-learn's initialisation: k-means++ on <c>init_size</c> random rows, best of
    /// <see cref="MiniBatchKMeansOptions.Restarts"/> by inertia on a validation draw of the same size.
    /// </summary>
    private static double[] Initialize(double[] columns, int n, int d, MiniBatchKMeansOptions options, Random random, int batch)
    {
        var k = options.K;
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
                inertia += MiniBatchStepper.Nearest(validation.AsSpan(r * d, d), candidate, k, d, out _);
            }

            if (inertia < bestInertia)
            {
                bestInertia = inertia;
                centers = candidate;
            }
        }

        return centers!;
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
