using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Preparation;
using SmartPulse.Analysis.Samples;

namespace SmartPulse.Analysis.Tests.Preparation;

public class EngineeredFeaturesTests
{
    [Fact]
    public void IFoodTotalSpendingIncludesGoldAndSharesSumToOne()
    {
        var frame = Datasets.IFood.Load();
        var result = new IFoodFeatures().Fit(frame).Transform(frame);
        var total = FrameColumns.Numeric(result.Frame["Total_Spending"]);
        var mntTotal = FrameColumns.Numeric(frame["MntTotal"]);
        var gold = FrameColumns.Numeric(frame["MntGoldProds"]);
        var web = FrameColumns.Numeric(result.Frame["Web_Share"]);
        var catalog = FrameColumns.Numeric(result.Frame["Catalog_Share"]);
        var store = FrameColumns.Numeric(result.Frame["Store_Share"]);
        var purchases = FrameColumns.Numeric(result.Frame["Total_Purchases"]);
        for (var r = 0; r < total.Length; r++)
        {
            // The file's MntTotal excludes gold (DESIGN.md), so ours = MntTotal + MntGoldProds.
            Assert.Equal(mntTotal[r] + gold[r], total[r]);
            if (purchases[r] > 0)
            {
                Assert.Equal(1.0, web[r]!.Value + catalog[r]!.Value + store[r]!.Value, 12);
            }
        }

        var noPurchases = result.Report.RowsAffected.Single();
        Assert.Equal(purchases.Count(p => p == 0), noPurchases.RowsTouched);
    }

    [Fact]
    public void MarketingFeaturesOnAToyRow()
    {
        var frame = new DataFrame(
            new Int64DataFrameColumn("Year_Birth", new long?[] { 1980, 1990 }),
            new DateTimeDataFrameColumn("Dt_Customer", new DateTime?[] { new DateTime(2014, 6, 29), new DateTime(2014, 6, 19) }),
            new Int64DataFrameColumn("Kidhome", new long?[] { 1, 0 }),
            new Int64DataFrameColumn("Teenhome", new long?[] { 1, 0 }),
            new StringDataFrameColumn("Education", ["2n Cycle", "PhD"]),
            new StringDataFrameColumn("Marital_Status", ["Together", "YOLO"]),
            new Int64DataFrameColumn("MntWines", new long?[] { 1, 0 }),
            new Int64DataFrameColumn("MntFruits", new long?[] { 2, 0 }),
            new Int64DataFrameColumn("MntMeatProducts", new long?[] { 3, 0 }),
            new Int64DataFrameColumn("MntFishProducts", new long?[] { 4, 0 }),
            new Int64DataFrameColumn("MntSweetProducts", new long?[] { 5, 0 }),
            new Int64DataFrameColumn("MntGoldProds", new long?[] { 6, 0 }),
            new Int64DataFrameColumn("NumWebPurchases", new long?[] { 1, 0 }),
            new Int64DataFrameColumn("NumCatalogPurchases", new long?[] { 2, 0 }),
            new Int64DataFrameColumn("NumStorePurchases", new long?[] { 3, 0 }),
            new Int64DataFrameColumn("AcceptedCmp1", new long?[] { 1, 0 }),
            new Int64DataFrameColumn("AcceptedCmp2", new long?[] { 0, 0 }),
            new Int64DataFrameColumn("AcceptedCmp3", new long?[] { 1, 0 }),
            new Int64DataFrameColumn("AcceptedCmp4", new long?[] { 0, 0 }),
            new Int64DataFrameColumn("AcceptedCmp5", new long?[] { 1, 0 }));
        var fitted = (FittedMarketingFeatures)new MarketingFeatures(2014).Fit(frame);
        Assert.Equal(new DateTime(2014, 6, 29), fitted.ReferenceDate);
        var f = fitted.Transform(frame).Frame;
        Assert.Equal(34.0, f["Age"][0]);
        Assert.Equal(10.0, f["Customer_Tenure_Days"][1]);
        Assert.Equal(21.0, f["Total_Spending"][0]);
        Assert.Equal(2.0, f["Total_Children"][0]);
        Assert.Equal(6.0, f["Total_Purchases"][0]);
        Assert.Equal(3.0, f["Total_Accepted_Campaigns"][0]);
        Assert.Equal(["Undergraduate", "Postgraduate"], FrameColumns.Text(f["Education_Level"]).Select(s => s!));
        Assert.Equal(["Partner", "Alone"], FrameColumns.Text(f["Living_With"]).Select(s => s!));

        frame["Education"][0] = "Kindergarten";
        var ex = Assert.Throws<ArgumentException>(() => fitted.Transform(frame));
        Assert.Contains("'Kindergarten'", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MarketingFeatures(1800));
    }
}
