using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Insights;
using SmartPulse.Analysis.Preparation;

namespace SmartPulse.Analysis.Samples;

/// <summary>The iFood feature step; see <see cref="IFoodFeatures"/> for formulas and the no-purchase rule.</summary>
public sealed record FittedIFoodFeatures : FittedStep
{
    internal const string StepName = "ifood-features";

    /// <summary>The columns this step adds.</summary>
    public static IReadOnlyList<string> OutputColumns { get; } = ["Total_Spending", "Total_Purchases", "Web_Share", "Catalog_Share", "Store_Share", "Deal_Share"];

    /// <inheritdoc />
    public override string Name => StepName;

    /// <inheritdoc />
    public override IReadOnlyList<string> RequiredColumns => [.. MarketingFeatures.SpendingColumns, .. MarketingFeatures.PurchaseColumns, "NumDealsPurchases"];

    /// <inheritdoc />
    protected override StepResult TransformCore(DataFrame frame)
    {
        var mnt = MarketingFeatures.SpendingColumns.Select(c => FrameOps.Numeric(frame, c, Name)).ToArray();
        var web = FrameOps.Numeric(frame, "NumWebPurchases", Name);
        var catalog = FrameOps.Numeric(frame, "NumCatalogPurchases", Name);
        var store = FrameOps.Numeric(frame, "NumStorePurchases", Name);
        var deals = FrameOps.Numeric(frame, "NumDealsPurchases", Name);
        var n = web.Length;
        var outputs = OutputColumns.Select(_ => new double?[n]).ToArray();
        var noPurchases = new List<string>();
        for (var r = 0; r < n; r++)
        {
            if (mnt.All(m => m[r] is not null))
            {
                outputs[0][r] = mnt.Sum(m => m[r]!.Value);
            }

            if (web[r] is not { } w || catalog[r] is not { } c || store[r] is not { } s || deals[r] is not { } d)
            {
                continue;
            }

            var total = PurchaseMeasures.Total(w, c, s);
            outputs[1][r] = total;
            (outputs[2][r], outputs[3][r], outputs[4][r], outputs[5][r]) =
                (PurchaseMeasures.Share(w, total), PurchaseMeasures.Share(c, total), PurchaseMeasures.Share(s, total), PurchaseMeasures.Share(d, total));
            if (total <= 0)
            {
                noPurchases.Add($"row {r}");
            }
        }

        var result = FrameOps.With(frame, OutputColumns.Select((name, i) => (DataFrameColumn)FrameOps.Doubles(name, outputs[i])).ToArray());
        var rule = new RuleOutcome("Total_Purchases == 0 → shares 0", noPurchases.Count, noPurchases);
        return new StepResult(result, FrameOps.Report(Name, $"added {string.Join(", ", OutputColumns)}", frame, result, [.. OutputColumns], affected: [rule]));
    }
}
