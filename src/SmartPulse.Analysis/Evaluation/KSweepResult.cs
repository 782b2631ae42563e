using SmartPulse.Analysis.Clustering;

namespace SmartPulse.Analysis.Evaluation;

/// <summary>
/// Outcome of a <see cref="KSweep"/>: one row per k, the elbow, the best-silhouette k and a recommended k with the
/// reasons in words (for a report or the CLI), plus the fitted model of every k.
/// </summary>
/// <param name="Rows">One row per k, ascending.</param>
/// <param name="ElbowK">k at the Kneedle knee of the inertia curve, or null when the curve has no clear elbow.</param>
/// <param name="BestSilhouetteK">k with the highest mean silhouette (ties: the smaller k).</param>
/// <param name="RecommendedK">The suggested k.</param>
/// <param name="Reasons">Why <paramref name="RecommendedK"/> was chosen, one sentence each.</param>
/// <param name="Models">The KMeans model of every k, in row order.</param>
/// <param name="Warnings">Recoverable oddities (k range clamped, KMeans warnings).</param>
public sealed record KSweepResult(
    IReadOnlyList<KSweepRow> Rows,
    int? ElbowK,
    int BestSilhouetteK,
    int RecommendedK,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<KMeansModel> Models,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The row for <paramref name="k"/>.</summary>
    /// <param name="k">A k inside the sweep.</param>
    public KSweepRow Row(int k) => Rows.FirstOrDefault(r => r.K == k)
        ?? throw new ArgumentOutOfRangeException(nameof(k), k, $"k is {k}; the sweep covered {Rows[0].K} to {Rows[^1].K}.");

    /// <summary>The fitted model for <paramref name="k"/>.</summary>
    /// <param name="k">A k inside the sweep.</param>
    public KMeansModel Model(int k) => Models.FirstOrDefault(m => m.K == k)
        ?? throw new ArgumentOutOfRangeException(nameof(k), k, $"k is {k}; the sweep covered {Rows[0].K} to {Rows[^1].K}.");
}
