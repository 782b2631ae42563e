namespace SmartPulse.Analysis.Evaluation;

/// <summary>One k of a <see cref="KSweep"/>: the KMeans fit's metrics.</summary>
/// <param name="K">Number of clusters.</param>
/// <param name="Inertia">Within-cluster sum of squares (always falls with k; read its elbow).</param>
/// <param name="Silhouette">Mean silhouette, [−1, 1], higher is better.</param>
/// <param name="CalinskiHarabasz">Variance ratio, higher is better.</param>
/// <param name="DaviesBouldin">≥ 0, lower is better.</param>
/// <param name="Stability">Mean ARI of the refits against the reference fit (1 = always the same clusters), or null when not checked.</param>
/// <param name="Sizes">Rows per cluster, largest first.</param>
public sealed record KSweepRow(
    int K,
    double Inertia,
    double Silhouette,
    double CalinskiHarabasz,
    double DaviesBouldin,
    double? Stability,
    IReadOnlyList<int> Sizes);
