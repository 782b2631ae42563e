using System.Globalization;

namespace SmartPulse.Analysis.Clustering;

/// <summary>
/// Options of <see cref="Dbscan"/>. Defaults are scikit-learn's (<c>eps=0.5, min_samples=5</c>), which suit
/// standardised features; pick <see cref="Eps"/> from <see cref="Dbscan.KDistances"/>. Deterministic: no seed needed.
/// </summary>
public sealed record DbscanOptions
{
    /// <summary>Neighbourhood radius (Euclidean, inclusive: ‖x − y‖ ≤ eps). Default 0.5; must be finite and &gt; 0.</summary>
    public double Eps { get; init; } = 0.5;

    /// <summary>
    /// Rows within <see cref="Eps"/> (the row itself included, as scikit-learn's <c>min_samples</c>) that make a row a
    /// core row. Default 5; range 1..10,000. A common start is 2 × the number of features.
    /// </summary>
    public int MinPoints { get; init; } = 5;

    /// <summary>Largest row count accepted (time O(n²·d), memory O(n)). Default 100,000; range 1..2,000,000.</summary>
    public int MaxRows { get; init; } = 100_000;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        if (!double.IsFinite(Eps) || Eps <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Eps), Eps, $"DbscanOptions.Eps is {Eps.ToString(CultureInfo.InvariantCulture)}; valid: a finite value > 0 (see Dbscan.KDistances to choose it).");
        }

        if (MinPoints is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(MinPoints), MinPoints, $"DbscanOptions.MinPoints is {MinPoints}; valid: 1 to 10,000.");
        }

        if (MaxRows is < 1 or > 2_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRows), MaxRows, $"DbscanOptions.MaxRows is {MaxRows}; valid: 1 to 2,000,000.");
        }
    }
}
