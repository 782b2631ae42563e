using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Clustering;

/// <summary>
/// The step of <see cref="MiniBatchKMeans"/> (scikit-learn 1.2's <c>_mini_batch_step</c> and its convergence check):
/// assign a batch, move each centre to the running mean of the rows it has received, re-seed centres with few rows
/// every 10·k rows, and track the smoothed (EWA) batch inertia for early stopping. Shared by the in-memory and the
/// streamed fit, which differ only in where the batches come from.
/// </summary>
internal sealed class MiniBatchStepper(double[] centers, int d, long n, int batch, MiniBatchKMeansOptions options, Random random)
{
    private readonly int _k = options.K;
    private readonly double[] _counts = new double[options.K];
    private readonly int[] _labels = new int[batch];
    private double[] _centers = centers;
    private double[] _next = new double[options.K * d];
    private double? _ewa;
    private double? _ewaMin;
    private int _noImprovement;
    private long _sinceReassign;

    public double[] Centers => _centers;

    public int Steps { get; private set; }

    /// <summary>One step on <paramref name="rows"/> (row-major, <c>batch</c> rows); true when early stopping says stop.</summary>
    public bool Step(double[] rows)
    {
        var k = _k;
        var step = Steps++;
        _sinceReassign += batch;
        var reassign = false;
        if (_counts.Contains(0) || _sinceReassign >= 10L * k)
        {
            _sinceReassign = 0;
            reassign = true;
        }

        var batchInertia = 0.0;
        for (var i = 0; i < batch; i++)
        {
            batchInertia += Nearest(rows.AsSpan(i * d, d), _centers, k, d, out _labels[i]);
        }

        Update(rows, _labels, batch, d, k, _centers, _next, _counts);
        if (reassign && options.ReassignmentRatio > 0)
        {
            Reassign(rows, batch, d, k, _next, _counts, options.ReassignmentRatio, random);
        }

        (_centers, _next) = (_next, _centers);
        batchInertia /= batch;
        if (step == 0)
        {
            return false;
        }

        var alpha = Math.Min(batch * 2.0 / (n + 1), 1);
        _ewa = _ewa is null ? batchInertia : (_ewa.Value * (1 - alpha)) + (batchInertia * alpha);
        if (_ewaMin is null || _ewa < _ewaMin)
        {
            _noImprovement = 0;
            _ewaMin = _ewa;
        }
        else
        {
            _noImprovement++;
        }

        return options.MaxNoImprovement is { } limit && _noImprovement >= limit;
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

    /// <summary>Nearest of the <paramref name="k"/> row-major centres to <paramref name="x"/> (ties: lowest index), through the one distance kernel.</summary>
    internal static double Nearest(ReadOnlySpan<double> x, double[] centers, int k, int d, out int label)
    {
        label = DistanceKernel.NearestRow(x, centers.AsSpan(0, k * d), k, out var squared);
        return squared;
    }
}
