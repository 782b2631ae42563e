namespace SmartPulse.Analysis.Clustering;

/// <summary>
/// The sorted k-distance curve used to choose DBSCAN's eps: for every row, the distance to its k-th nearest row
/// (the row itself counts as the first, as in scikit-learn's <c>NearestNeighbors(n_neighbors=k).kneighbors(X)</c>),
/// sorted ascending. With k = MinPoints, a row is a core row exactly when its k-distance ≤ eps; the knee of the curve
/// (where distances start to climb steeply) separates dense rows from noise and is a good eps.
/// </summary>
/// <param name="K">The k used (normally MinPoints).</param>
/// <param name="Distances">k-distance of every row, ascending (plot against the rank).</param>
/// <param name="KneeIndex">Position of the Kneedle knee in <paramref name="Distances"/>, or null for a straight curve.</param>
/// <param name="SuggestedEps">Distances[KneeIndex], or null without a knee.</param>
public sealed record KDistanceCurve(int K, IReadOnlyList<double> Distances, int? KneeIndex, double? SuggestedEps);
