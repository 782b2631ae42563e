namespace SmartPulse.Analysis.Clustering;

/// <summary>Options of <see cref="Ward"/> (exact Ward agglomerative clustering). Deterministic: no seed needed.</summary>
public sealed record WardOptions
{
    /// <summary>Default for <see cref="MaxRows"/>.</summary>
    public const int DefaultMaxRows = 50_000;

    /// <summary>Clusters in the cut returned as <see cref="WardModel.Labels"/>; 1 ≤ K ≤ rows. Default 2. Other cuts: <see cref="WardModel.Cut"/>.</summary>
    public int K { get; init; } = 2;

    /// <summary>
    /// Largest row count accepted (time is O(n²·d), memory O(n·d)): 0.76 s at 20,000 × 8 on 2 cores (quiet; 2.6 s under
    /// heavy load), against 17 s for scikit-learn 1.2, which also needs an n² distance matrix. Default 50,000;
    /// range 2..1,000,000.
    /// </summary>
    public int MaxRows { get; init; } = DefaultMaxRows;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        if (K < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(K), K, $"WardOptions.K is {K}; valid: 1 to the number of rows.");
        }

        if (MaxRows is < 2 or > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRows), MaxRows, $"WardOptions.MaxRows is {MaxRows}; valid: 2 to 1,000,000.");
        }
    }
}
