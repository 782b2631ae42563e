using SmartPulse.Analysis.Clustering;

namespace SmartPulse.Analysis.Tests.Clustering;

/// <summary>Mini-batch k-means (scikit-learn's MiniBatchKMeans algorithm) against exact Lloyd on separated blobs.</summary>
public sealed class MiniBatchKMeansTests
{
    private static (double[] Columns, int N) Blobs(int n, int d, int k, int seed)
    {
        var random = new Random(seed);
        var centres = Enumerable.Range(0, k).Select(_ => Enumerable.Range(0, d).Select(_ => random.NextDouble() * 100).ToArray()).ToArray();
        var columns = new double[n * d];
        for (var i = 0; i < n; i++)
        {
            var c = centres[i % k];
            for (var j = 0; j < d; j++)
            {
                columns[(j * n) + i] = c[j] + (random.NextDouble() - 0.5) * 6;
            }
        }

        return (columns, n);
    }

    [Fact]
    public void InertiaIsWithinOnePercentOfLloydAndEveryBlobIsFound()
    {
        var (columns, n) = Blobs(20_000, 4, 5, 3);
        var mini = MiniBatchKMeans.Fit(columns, n, 4, new MiniBatchKMeansOptions { K = 5, BatchSize = 256, Seed = 1 }, out var steps);
        var core = new LloydCore(columns, n, 4);
        var exact = core.Lloyd(core.KMeansPlusPlus(5, new Random(1)), 5, 300, 0);
        Assert.InRange(mini.Inertia / exact.Inertia, 0.999, 1.01);
        Assert.True(steps < 100 * n / 256, "early stopping on the smoothed inertia should end the run before max_iter");
        Assert.Equal(5, mini.Labels.Distinct().Count());
        Assert.All(Enumerable.Range(0, 5), c => Assert.Equal(n / 5, mini.Labels.Count(l => l == c)));
    }

    [Fact]
    public void SameSeedGivesTheSameCentres()
    {
        var (columns, n) = Blobs(5_000, 3, 4, 9);
        var options = new MiniBatchKMeansOptions { K = 4, BatchSize = 100, Seed = 42 };
        var a = MiniBatchKMeans.Fit(columns, n, 3, options, out _);
        var b = MiniBatchKMeans.Fit(columns, n, 3, options, out _);
        Assert.Equal(a.Centers, b.Centers);
        Assert.Equal(a.Inertia, b.Inertia);
    }
}
