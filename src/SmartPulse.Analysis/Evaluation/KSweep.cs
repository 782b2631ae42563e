using System.Globalization;
using SmartPulse.Analysis.Clustering;
using SmartPulse.Analysis.Features;

namespace SmartPulse.Analysis.Evaluation;

/// <summary>
/// Choosing k: fits <see cref="KMeans"/> for every k in MinK..MaxK (default 2..10) and reports inertia, silhouette,
/// Calinski–Harabasz and Davies–Bouldin per k, the elbow of the inertia curve (Kneedle: the k farthest below the chord
/// from the first to the last point on normalised axes), the k with the best silhouette, and a recommended k:
/// <list type="number">
/// <item>elbow and best silhouette agree → that k;</item>
/// <item>otherwise the elbow when its silhouette is within <see cref="KSweepOptions.SilhouetteTolerance"/> of the best
/// (fewer clusters explain the data almost as well), else the best-silhouette k;</item>
/// <item>with a stability check, a candidate below <see cref="KSweepOptions.StableAri"/> gives way to the other candidate
/// if that one is stable.</item>
/// </list>
/// Deterministic for a given <c>KMeans.Seed</c>.
/// </summary>
public sealed class KSweep
{
    /// <summary>Creates the sweep; options are validated here.</summary>
    /// <param name="options">Options; null means defaults.</param>
    public KSweep(KSweepOptions? options = null)
    {
        Options = options ?? new KSweepOptions();
        Options.Validate();
    }

    /// <summary>The validated options.</summary>
    public KSweepOptions Options { get; }

    /// <summary>Runs the sweep on <paramref name="data"/>.</summary>
    /// <param name="data">Model features (scaled as wanted).</param>
    /// <param name="cancellationToken">Checked before each k.</param>
    /// <exception cref="ArgumentException">Fewer than 3 rows (no k ≥ 2 can be scored).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public KSweepResult Fit(FeatureMatrix data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var warnings = new List<string>();
        var maxK = Math.Min(Options.MaxK, data.Rows - 1);
        if (maxK < Options.MinK)
        {
            throw new ArgumentException($"The data has {data.Rows} rows; a sweep from k = {Options.MinK} needs at least {Options.MinK + 1} rows.", nameof(data));
        }

        if (maxK < Options.MaxK)
        {
            warnings.Add($"MaxK lowered from {Options.MaxK} to {maxK} (rows − 1).");
        }

        var rows = new List<KSweepRow>();
        var models = new List<KMeansModel>();
        var seed = Options.KMeans.Seed;
        for (var k = Options.MinK; k <= maxK; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var model = new KMeans(Options.KMeans with { K = k }).Fit(data);
            models.Add(model);
            warnings.AddRange(model.Warnings.Select(w => $"k = {k}: {w}"));
            var scores = ClusterScores.Compute(data, model.Labels, Options.ExactSilhouetteLimit, seed);
            if (scores.Silhouette is null)
            {
                warnings.AddRange(scores.Warnings.Select(w => $"k = {k}: {w}"));
            }

            double? stability = Options.Stability switch
            {
                StabilityMethod.Seeds => SeedStability(data, model, k),
                StabilityMethod.Bootstrap => BootstrapStability(data, model, k),
                _ => null,
            };
            rows.Add(new KSweepRow(
                k,
                model.Inertia,
                scores.Silhouette ?? double.NaN,
                scores.CalinskiHarabasz ?? double.NaN,
                scores.DaviesBouldin ?? double.NaN,
                stability,
                model.Sizes.OrderDescending().ToArray()));
        }

        var ks = rows.Select(r => (double)r.K).ToArray();
        var knee = Kneedle.FindKnee(ks, rows.Select(r => r.Inertia).ToArray());
        int? elbow = knee is int i ? rows[i].K : null;
        var bestSil = rows.Where(r => !double.IsNaN(r.Silhouette)).OrderByDescending(r => r.Silhouette).ThenBy(r => r.K).FirstOrDefault() ?? rows[0];
        var (recommended, reasons) = Recommend(rows, elbow, bestSil);
        return new KSweepResult(rows, elbow, bestSil.K, recommended, reasons, models, warnings);
    }

    private (int K, List<string> Reasons) Recommend(List<KSweepRow> rows, int? elbow, KSweepRow best)
    {
        static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        var reasons = new List<string>();
        int chosen;
        if (elbow is null)
        {
            chosen = best.K;
            reasons.Add($"The inertia curve has no clear elbow, so the k with the best silhouette is used: k = {best.K} (silhouette {F(best.Silhouette)}).");
        }
        else if (elbow == best.K)
        {
            chosen = best.K;
            reasons.Add($"The elbow of the inertia curve and the best silhouette agree on k = {best.K} (silhouette {F(best.Silhouette)}).");
        }
        else
        {
            var elbowRow = rows.First(r => r.K == elbow);
            if (elbowRow.Silhouette >= best.Silhouette - Options.SilhouetteTolerance)
            {
                chosen = elbowRow.K;
                reasons.Add($"The elbow of the inertia curve is at k = {elbowRow.K}; its silhouette {F(elbowRow.Silhouette)} is within {F(Options.SilhouetteTolerance)} of the best ({F(best.Silhouette)} at k = {best.K}), so the simpler k = {elbowRow.K} is recommended.");
            }
            else
            {
                chosen = best.K;
                reasons.Add($"The elbow of the inertia curve is at k = {elbowRow.K}, but its silhouette {F(elbowRow.Silhouette)} trails the best ({F(best.Silhouette)} at k = {best.K}) by more than {F(Options.SilhouetteTolerance)}, so k = {best.K} is recommended.");
            }
        }

        var chosenRow = rows.First(r => r.K == chosen);
        if (chosenRow.Stability is double stability)
        {
            var other = chosen == best.K ? elbow : best.K;
            var otherRow = other is int o ? rows.First(r => r.K == o) : null;
            if (stability < Options.StableAri && otherRow?.Stability >= Options.StableAri)
            {
                reasons.Add($"But k = {chosen} is unstable (mean ARI {F(stability)} across {Options.Stability.ToString().ToLowerInvariant()} refits, below {F(Options.StableAri)}) while k = {otherRow.K} is stable (mean ARI {F(otherRow.Stability!.Value)}), so k = {otherRow.K} is recommended instead.");
                chosen = otherRow.K;
            }
            else if (stability < Options.StableAri)
            {
                reasons.Add($"Caution: k = {chosen} is not very stable (mean ARI {F(stability)} across {Options.Stability.ToString().ToLowerInvariant()} refits, below {F(Options.StableAri)}).");
            }
            else
            {
                reasons.Add($"k = {chosen} is stable: mean ARI {F(stability)} across {Options.Stability.ToString().ToLowerInvariant()} refits.");
            }
        }

        var finalRow = rows.First(r => r.K == chosen);
        reasons.Add($"At k = {chosen}: Calinski–Harabasz {finalRow.CalinskiHarabasz.ToString("0.0", CultureInfo.InvariantCulture)} (higher is better), Davies–Bouldin {F(finalRow.DaviesBouldin)} (lower is better), cluster sizes {string.Join("/", finalRow.Sizes)}.");
        return (chosen, reasons);
    }

    private double SeedStability(FeatureMatrix data, KMeansModel reference, int k)
    {
        var total = 0.0;
        for (var r = 1; r <= Options.StabilityRuns; r++)
        {
            var options = Options.KMeans with { K = k, Seed = KMeans.RestartSeed(Options.KMeans.Seed, 1_000_000 + r) };
            total += ClusterMetrics.AdjustedRandIndex(reference.Labels, new KMeans(options).Fit(data).Labels);
        }

        return total / Options.StabilityRuns;
    }

    private double BootstrapStability(FeatureMatrix data, KMeansModel reference, int k)
    {
        var total = 0.0;
        var n = data.Rows;
        var d = data.Columns;
        for (var r = 1; r <= Options.StabilityRuns; r++)
        {
            var random = new Random(KMeans.RestartSeed(Options.KMeans.Seed, 2_000_000 + r));
            var values = new double[n * d];
            for (var i = 0; i < n; i++)
            {
                data.Row(random.Next(n)).CopyTo(values.AsSpan(i * d, d));
            }

            var sample = new FeatureMatrix(values, n, data.ColumnNames);
            var model = new KMeans(Options.KMeans with { K = k, Seed = random.Next() }).Fit(sample);
            total += ClusterMetrics.AdjustedRandIndex(reference.Labels, model.Predict(data));
        }

        return total / Options.StabilityRuns;
    }
}
