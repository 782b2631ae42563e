namespace SmartPulse.Analysis.Insights;

/// <summary>
/// Rules and columns for <see cref="SegmentInsights.Name"/>. Every rule compares a segment's mean of a measure with
/// the overall mean in overall standard deviations: z = (segment mean − overall mean) / overall SD (ddof = 1).
/// A level is High when z ≥ +T, Low when z ≤ −T, Average otherwise (T = <see cref="Threshold"/>); a tie with the
/// threshold counts as met. Personas (see <see cref="Persona"/>) are evaluated only when the recency column and all
/// four purchase-channel columns exist.
/// </summary>
public sealed record NamingOptions
{
    /// <summary>The threshold T in standard deviations (default 0.5, must be &gt; 0).</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>A failed comparison within this many SDs of its threshold is flagged as a near miss (default 0.1).</summary>
    public double NearMissMargin { get; init; } = 0.1;

    /// <summary>
    /// The income column. Default (null): the first numeric column whose name contains "income" (case-insensitive).
    /// </summary>
    public string? IncomeColumn { get; init; }

    /// <summary>
    /// The spending column. Default (null): <c>MntTotal</c> when present; else the sum of the <c>Mnt*</c> columns
    /// (excluding <c>MntTotal</c> and <c>MntRegularProds</c>) when any exist; else the first numeric column whose
    /// name contains "spend" (case-insensitive), such as "Spending Score (1-100)".
    /// </summary>
    public string? SpendingColumn { get; init; }

    /// <summary>Days since the last purchase (default <c>Recency</c>).</summary>
    public string RecencyColumn { get; init; } = "Recency";

    /// <summary>Purchases made with a discount (default <c>NumDealsPurchases</c>).</summary>
    public string DealPurchasesColumn { get; init; } = "NumDealsPurchases";

    /// <summary>Web purchases (default <c>NumWebPurchases</c>).</summary>
    public string WebPurchasesColumn { get; init; } = "NumWebPurchases";

    /// <summary>Catalogue purchases (default <c>NumCatalogPurchases</c>).</summary>
    public string CatalogPurchasesColumn { get; init; } = "NumCatalogPurchases";

    /// <summary>Store purchases (default <c>NumStorePurchases</c>).</summary>
    public string StorePurchasesColumn { get; init; } = "NumStorePurchases";

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A threshold or margin is not positive.</exception>
    public void Validate()
    {
        if (!(Threshold > 0) || double.IsInfinity(Threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, $"Threshold is {Threshold}; it must be a positive number of standard deviations (default 0.5).");
        }

        if (!(NearMissMargin >= 0) || double.IsInfinity(NearMissMargin))
        {
            throw new ArgumentOutOfRangeException(nameof(NearMissMargin), NearMissMargin, $"NearMissMargin is {NearMissMargin}; it must be ≥ 0 (default 0.1).");
        }
    }
}
