using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Preparation;

namespace SmartPulse.Analysis.Samples;

/// <summary>
/// Engineered features of the marketing-campaign analysis (marketing_campaign.csv):
/// <list type="bullet">
/// <item><c>Age</c> = <see cref="ReferenceYear"/> − Year_Birth (the year is explicit: the data was collected in 2014).</item>
/// <item><c>Customer_Tenure_Days</c> = reference date − Dt_Customer in days; the reference date is the latest Dt_Customer in the training data (learned at fit) unless <see cref="ReferenceDate"/> is given.</item>
/// <item><c>Total_Spending</c> = MntWines + MntFruits + MntMeatProducts + MntFishProducts + MntSweetProducts + MntGoldProds.</item>
/// <item><c>Total_Children</c> = Kidhome + Teenhome.</item>
/// <item><c>Total_Purchases</c> = NumWebPurchases + NumCatalogPurchases + NumStorePurchases (deal purchases are a subset of these, so they are not added again).</item>
/// <item><c>Total_Accepted_Campaigns</c> = AcceptedCmp1 + … + AcceptedCmp5 (the last campaign, Response, is the usual prediction target and is left out).</item>
/// <item><c>Education_Level</c>: Basic, 2n Cycle → Undergraduate; Graduation → Graduate; Master, PhD → Postgraduate.</item>
/// <item><c>Living_With</c>: Married, Together → Partner; Single, Divorced, Widow, Alone, Absurd, YOLO → Alone.</item>
/// </list>
/// An education or marital value outside these lists is an error naming it.
/// </summary>
public sealed record MarketingFeatures : IPreparationStep
{
    internal static readonly string[] SpendingColumns = ["MntWines", "MntFruits", "MntMeatProducts", "MntFishProducts", "MntSweetProducts", "MntGoldProds"];
    internal static readonly string[] PurchaseColumns = ["NumWebPurchases", "NumCatalogPurchases", "NumStorePurchases"];
    internal static readonly string[] CampaignColumns = ["AcceptedCmp1", "AcceptedCmp2", "AcceptedCmp3", "AcceptedCmp4", "AcceptedCmp5"];

    /// <summary>Creates the step with an explicit reference year for Age.</summary>
    /// <param name="referenceYear">Age = referenceYear − Year_Birth; between 1900 and 2100.</param>
    public MarketingFeatures(int referenceYear)
    {
        if (referenceYear is < 1900 or > 2100)
        {
            throw new ArgumentOutOfRangeException(nameof(referenceYear), referenceYear, "referenceYear must be a calendar year between 1900 and 2100 (the campaign data was collected in 2014).");
        }

        ReferenceYear = referenceYear;
    }

    /// <summary>The year Age is computed at.</summary>
    public int ReferenceYear { get; }

    /// <summary>The date tenure is counted to; null = the latest Dt_Customer at fit.</summary>
    public DateTime? ReferenceDate { get; init; }

    /// <inheritdoc />
    public FittedStep Fit(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var fitted = new FittedMarketingFeatures(ReferenceYear, ReferenceDate ?? DateTime.MinValue);
        FrameOps.Require(frame, fitted.RequiredColumns, FittedMarketingFeatures.StepName);
        if (ReferenceDate is null)
        {
            var dates = frame["Dt_Customer"];
            if (dates.DataType != typeof(DateTime))
            {
                throw new ArgumentException("Column 'Dt_Customer' must hold dates: load the file with Datasets.MarketingCampaign (declared format dd-MM-yyyy).", nameof(frame));
            }

            DateTime? latest = null;
            for (long i = 0; i < dates.Length; i++)
            {
                if (dates[i] is DateTime d && (latest is null || d > latest))
                {
                    latest = d;
                }
            }

            fitted = fitted with { ReferenceDate = latest ?? throw new ArgumentException("Column 'Dt_Customer' has no dates to take the reference date from.", nameof(frame)) };
        }

        return fitted;
    }
}
