namespace SmartPulse.Analysis.Insights;

/// <summary>
/// Marketing personas a segment can be named after (see <see cref="NamingOptions"/> for the rules and <see cref="PurchaseMeasures"/> for total purchases, deal share and web share). They are
/// checked in the order declared here; the first whose rule holds names the segment.
/// </summary>
public enum Persona
{
    /// <summary>Spend, purchases high and recent: spend z ≥ T, total purchases z ≥ T and recency z ≤ 0.</summary>
    LoyalHighValue,

    /// <summary>Spend high: spend z ≥ T.</summary>
    HighSpenders,

    /// <summary>Deal share high while spend is low: deal share z ≥ T and spend z ≤ −T.</summary>
    BudgetBuyers,

    /// <summary>Long since the last purchase and few purchases: recency z ≥ T and total purchases z ≤ −T.</summary>
    LowEngagement,

    /// <summary>Deal share high: deal share z ≥ T.</summary>
    DiscountDriven,

    /// <summary>Web share of purchases high: web share z ≥ T.</summary>
    DigitalEnthusiasts,

    /// <summary>Long since the last purchase (without being low-engagement): recency z ≥ T.</summary>
    ChurnProne,
}
