using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Insights;
using SmartPulse.Analysis.Preparation;

namespace SmartPulse.Analysis.Samples;

/// <summary>
/// Engineered features of the iFood analysis (ifood_df.csv), stateless:
/// <list type="bullet">
/// <item><c>Total_Spending</c> = the six Mnt columns including MntGoldProds (the file's MntTotal excludes gold).</item>
/// <item><c>Total_Purchases</c> = NumWebPurchases + NumCatalogPurchases + NumStorePurchases (deal purchases are a
/// subset of these, so not added again).</item>
/// <item><c>Web_Share</c>, <c>Catalog_Share</c>, <c>Store_Share</c> = each channel / Total_Purchases.</item>
/// <item><c>Deal_Share</c> = NumDealsPurchases / Total_Purchases (can exceed 1: one customer in this file records more deal
/// purchases than channel purchases).</item>
/// </list>
/// These are exactly segment naming's "total purchases", "web share" and "deal share" (one definition, in
/// <see cref="PurchaseMeasures"/>). Rule: a customer with no purchases has all shares 0 (nothing bought through any
/// channel); those rows are reported.
/// </summary>
public sealed record IFoodFeatures : IPreparationStep
{
    /// <inheritdoc />
    public FittedStep Fit(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var fitted = new FittedIFoodFeatures();
        FrameOps.Require(frame, fitted.RequiredColumns, FittedIFoodFeatures.StepName);
        return fitted;
    }
}
