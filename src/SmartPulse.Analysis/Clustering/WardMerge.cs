namespace SmartPulse.Analysis.Clustering;

/// <summary>
/// One merge of the Ward tree, in SciPy's linkage convention: nodes 0..n−1 are the rows, merge i creates node n + i.
/// </summary>
/// <param name="Left">Smaller id of the two merged nodes.</param>
/// <param name="Right">Larger id of the two merged nodes.</param>
/// <param name="Height">
/// Ward distance √(2·|A||B| / (|A| + |B|)) · ‖μ_A − μ_B‖ (SciPy's <c>linkage(X, "ward")</c> height; the increase of the
/// inertia by this merge is Height² / 2). Non-decreasing along the list: a dendrogram's y axis.
/// </param>
/// <param name="Size">Rows under the new node.</param>
public sealed record WardMerge(int Left, int Right, double Height, int Size);
