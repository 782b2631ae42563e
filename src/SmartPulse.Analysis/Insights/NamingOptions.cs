namespace SmartPulse.Analysis.Insights;

/// <summary>
/// Rules and columns for <see cref="SegmentInsights.Name"/>. Every rule compares a segment's mean of a measure with
/// the overall mean in overall standard deviations: z = (segment mean − overall mean) / overall SD (ddof = 1).
/// A level is High when z ≥ +T, Low when z ≤ −T, Average otherwise (T = <see cref="Threshold"/>); a tie with the
/// threshold counts as met. Personas (see <see cref="Persona"/>) are evaluated only when the recency column and all
/// four purchase-channel columns are named; their purchase measures (total purchases, deal share, web share) are
/// defined in <see cref="PurchaseMeasures"/>. The defaults know no dataset: they find income and spending by column
/// name and name no behavioural columns. Rules for a known dataset are passed in (the campaign files' rules are
/// <c>Samples.SampleNaming.Campaign</c>).
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
    /// The spending column. Default (null): the row sum of <see cref="SpendingColumns"/> when those are given; else the
    /// first numeric column whose name contains "spend" (case-insensitive), such as "Spending Score (1-100)".
    /// </summary>
    public string? SpendingColumn { get; init; }

    /// <summary>
    /// Columns whose row sum is the spending measure when <see cref="SpendingColumn"/> is null (for example one column
    /// per product category); a row with any of them missing has no spending value. Default: none.
    /// </summary>
    public IReadOnlyList<string>? SpendingColumns { get; init; }

    /// <summary>Days since the last purchase (default: none, so no persona).</summary>
    public string? RecencyColumn { get; init; }

    /// <summary>Purchases made with a discount, a subset of the three channels' purchases (default: none).</summary>
    public string? DealPurchasesColumn { get; init; }

    /// <summary>Web purchases (default: none).</summary>
    public string? WebPurchasesColumn { get; init; }

    /// <summary>Catalogue purchases (default: none).</summary>
    public string? CatalogPurchasesColumn { get; init; }

    /// <summary>Store purchases (default: none).</summary>
    public string? StorePurchasesColumn { get; init; }

    /// <summary>True when the recency column and all four purchase columns are named, so personas are evaluated.</summary>
    public bool NamesPersonaColumns =>
        RecencyColumn is not null && DealPurchasesColumn is not null && WebPurchasesColumn is not null && CatalogPurchasesColumn is not null && StorePurchasesColumn is not null;

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A threshold or margin is not positive, or <see cref="SpendingColumns"/> is empty.</exception>
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

        if (SpendingColumns is { Count: 0 })
        {
            throw new ArgumentOutOfRangeException(nameof(SpendingColumns), "SpendingColumns is empty; name at least one column to sum, or leave it null.");
        }
    }
}
