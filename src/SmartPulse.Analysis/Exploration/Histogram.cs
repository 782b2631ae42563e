namespace SmartPulse.Analysis.Exploration;

/// <summary>
/// Equal-width histogram bins of a column's present values. Bin i counts values in
/// [Edges[i], Edges[i+1]); the last bin also includes its right edge (as NumPy).
/// </summary>
/// <param name="Column">Column name.</param>
/// <param name="Edges">Bin edges, one more than the bins.</param>
/// <param name="Counts">Values per bin.</param>
/// <param name="Rule">How the bin count was chosen (for example "Freedman–Diaconis").</param>
public sealed record Histogram(string Column, IReadOnlyList<double> Edges, IReadOnlyList<long> Counts, string Rule)
{
    /// <summary>The width of each bin.</summary>
    public double BinWidth => Edges.Count > 1 ? Edges[1] - Edges[0] : 0;
}
