using System.Globalization;
using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Clustering;

/// <summary>
/// k-means clustering with seeded restarts: minimises the inertia Σ_i ‖x_i − μ_{c(i)}‖² over assignments and
/// centroids. Each of <see cref="KMeansOptions.Restarts"/> restarts seeds with k-means++ and runs Lloyd iterations;
/// the restart with the lowest inertia wins. This is SmartPulse's own exact path: scikit-learn's greedy k-means++ and
/// Lloyd iterations in double precision, SIMD over rows (column-major copy); restarts run one after the other, each
/// using every core over fixed row chunks merged in order, so the model does not depend on the core count.
/// Usage: <c>var model = new KMeans(new KMeansOptions { K = 5, Seed = 0 }).Fit(features);</c>
/// </summary>
public sealed class KMeans
{
    /// <summary>Creates the estimator; the options are validated here.</summary>
    /// <param name="options">Options; null means all defaults.</param>
    public KMeans(KMeansOptions? options = null)
    {
        Options = options ?? new KMeansOptions();
        Options.Validate();
    }

    /// <summary>The validated options.</summary>
    public KMeansOptions Options { get; }

    /// <summary>Fits k-means to <paramref name="data"/>.</summary>
    /// <param name="data">Model features (already scaled as wanted: k-means uses raw Euclidean distance).</param>
    /// <returns>The fitted, immutable model.</returns>
    /// <exception cref="ArgumentException">K exceeds the row count, or the matrix has no columns.</exception>
    public KMeansModel Fit(FeatureMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var k = Options.K;
        if (data.Columns == 0)
        {
            throw new ArgumentException("The feature matrix has no columns; select at least one numeric feature.", nameof(data));
        }

        if (k > data.Rows)
        {
            throw new ArgumentException($"KMeansOptions.K is {k} but the data has only {data.Rows} rows; valid: 1 to {data.Rows}.", nameof(data));
        }

        var warnings = new List<string>();
        var distinct = CountDistinctRows(data, k);
        if (distinct < k)
        {
            warnings.Add($"Only {distinct} distinct rows for K = {k}: {k - distinct} clusters will be empty or duplicate.");
        }

        var core = new LloydCore(data);
        var runs = new LloydResult[Options.Restarts];
        var tolerance = Options.Tolerance * core.MeanVariance;
        for (var r = 0; r < Options.Restarts; r++)
        {
            var init = core.KMeansPlusPlus(k, new Random(RestartSeed(Options.Seed, r)));
            runs[r] = core.Lloyd(init, k, Options.MaxIterations, tolerance);
        }

        var best = 0;
        for (var r = 1; r < runs.Length; r++)
        {
            if (runs[r].Inertia < runs[best].Inertia)
            {
                best = r;
            }
        }

        var winner = runs[best];
        if (!winner.Converged)
        {
            warnings.Add($"The best restart stopped at {winner.Iterations} iterations (MaxIterations {Options.MaxIterations}, Tolerance {Options.Tolerance.ToString(CultureInfo.InvariantCulture)}) before labels stopped changing.");
        }

        if (winner.RelocatedEmpty > 0)
        {
            warnings.Add($"{winner.RelocatedEmpty} empty-cluster relocations happened in the best restart (a centroid lost all its rows and was moved to the farthest row).");
        }

        return new KMeansModel(
            Options,
            data.ColumnNames.ToArray(),
            winner,
            k,
            data.Columns,
            runs.Select(x => x.Inertia).ToArray(),
            best,
            warnings);
    }

    /// <summary>Seed of restart <paramref name="restart"/>: SplitMix64 of (seed, restart), so restarts are independent and reproducible.</summary>
    internal static int RestartSeed(int seed, int restart)
    {
        var z = unchecked(((ulong)(uint)seed << 32) + (ulong)restart + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }

    private static int CountDistinctRows(FeatureMatrix data, int stopAt)
    {
        var seen = new HashSet<string>();
        for (var i = 0; i < data.Rows && seen.Count < stopAt; i++)
        {
            seen.Add(string.Join(',', data.Row(i).ToArray().Select(v => BitConverter.DoubleToInt64Bits(v))));
        }

        return seen.Count;
    }
}
