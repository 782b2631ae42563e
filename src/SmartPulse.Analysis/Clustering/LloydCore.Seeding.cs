using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Clustering;

/// <summary>k-means++ seeding of <see cref="LloydCore"/> (scikit-learn's <c>_kmeans_plusplus</c>).</summary>
internal sealed partial class LloydCore
{
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
        // Written in full before they are read: not zeroed.
        var cumulative = GC.AllocateUninitializedArray<double>(N);
        HugePages.Advise(cumulative);
        var candidateDist = new double[trials][];
        for (var t = 0; t < trials; t++)
        {
            candidateDist[t] = GC.AllocateUninitializedArray<double>(N);
            HugePages.Advise(candidateDist[t]);
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
            (closest, candidateDist[best]) = (candidateDist[best], closest); // swap, not copy: the old array is rewritten next round
            CopyRow(ids[best], centers.AsSpan(c * d, d));
        }

        return centers;
    }

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
}
