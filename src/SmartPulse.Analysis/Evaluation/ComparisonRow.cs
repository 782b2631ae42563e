namespace SmartPulse.Analysis.Evaluation;

/// <summary>One clustering's line in a <see cref="ClusteringComparison"/>.</summary>
/// <param name="Algorithm">Algorithm name ("kmeans", "ward", "dbscan").</param>
/// <param name="Parameters">Its settings as "name=value" pairs.</param>
/// <param name="Scores">All metrics, noise excluded (see <see cref="ClusterScores"/>).</param>
/// <param name="AriToReference">Adjusted Rand index against the first clustering passed (1 for the first itself; noise counts as one label).</param>
public sealed record ComparisonRow(string Algorithm, string Parameters, ClusterScores Scores, double AriToReference);
