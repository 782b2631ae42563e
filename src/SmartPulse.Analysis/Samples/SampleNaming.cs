using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Insights;

namespace SmartPulse.Analysis.Samples;

/// <summary>
/// Naming rules of the sample datasets, passed to <see cref="SegmentInsights.Name"/> and
/// <see cref="SegmentInsights.Analyze"/> (the generic defaults know no dataset).
/// </summary>
public static class SampleNaming
{
    /// <summary>
    /// The two campaign files (<c>marketing_campaign.csv</c>, <c>ifood_df.csv</c>): income from <c>Income</c>; spending
    /// = MntWines + MntFruits + MntMeatProducts + MntFishProducts + MntSweetProducts + MntGoldProds (the same sum as the
    /// feature steps' <c>Total_Spending</c>; iFood's own <c>MntTotal</c> leaves gold out); recency from <c>Recency</c>;
    /// the purchase measures from NumDealsPurchases, NumWebPurchases, NumCatalogPurchases and NumStorePurchases (see
    /// <see cref="PurchaseMeasures"/>), so the persona rules apply. Derive from it with <c>with</c>, for example
    /// <c>SampleNaming.Campaign with { SpendingColumn = "Total_Spending" }</c>.
    /// </summary>
    public static NamingOptions Campaign { get; } = new()
    {
        IncomeColumn = "Income",
        SpendingColumns = MarketingFeatures.SpendingColumns,
        RecencyColumn = "Recency",
        DealPurchasesColumn = "NumDealsPurchases",
        WebPurchasesColumn = MarketingFeatures.PurchaseColumns[0],
        CatalogPurchasesColumn = MarketingFeatures.PurchaseColumns[1],
        StorePurchasesColumn = MarketingFeatures.PurchaseColumns[2],
    };

    /// <summary>
    /// The naming rules for <paramref name="dataset"/>: <see cref="Campaign"/> for the two campaign files, otherwise
    /// null (the generic defaults of <see cref="NamingOptions"/>).
    /// </summary>
    /// <param name="dataset">A dataset descriptor, or null.</param>
    public static NamingOptions? For(DatasetDescriptor? dataset) =>
        dataset is not null && (dataset.FileName == Datasets.MarketingCampaign.FileName || dataset.FileName == Datasets.IFood.FileName) ? Campaign : null;

    /// <summary>The naming rules for a file named like one of the sample datasets (by file name), otherwise null.</summary>
    /// <param name="path">A data file path.</param>
    public static NamingOptions? ForFile(string path) =>
        For(Datasets.All.FirstOrDefault(d => string.Equals(d.FileName, Path.GetFileName(path), StringComparison.OrdinalIgnoreCase)));
}
