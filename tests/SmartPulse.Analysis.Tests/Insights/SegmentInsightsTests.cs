using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Clustering;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Evaluation;
using SmartPulse.Analysis.Exploration;
using SmartPulse.Analysis.Features;
using SmartPulse.Analysis.Insights;
using SmartPulse.Analysis.Preparation;
using SmartPulse.Analysis.Samples;

namespace SmartPulse.Analysis.Tests.Insights;

public class SegmentInsightsTests
{
    private static DataFrame Toy() => new(
        new DoubleDataFrameColumn("a", new double?[] { 1, 2, 3, 10, 11, 12 }),
        new DoubleDataFrameColumn("b", new double?[] { 5, 5, 6, 5, 6, 6 }),
        new Int32DataFrameColumn("CustomerID", new int?[] { 1, 2, 3, 4, 5, 6 }));

    [Fact]
    public void Profile_toy_hand_computed()
    {
        var table = SegmentInsights.Profile(Toy(), [0, 0, 0, 1, 1, 1]);

        // The id column is skipped by default.
        Assert.Equal(["a", "b"], table.Features);
        var s0 = table[0];
        Assert.Equal(3, s0.Size);
        Assert.Equal(0.5, s0.Share);
        var a = s0["a"];

        // a: overall mean 39/6 = 6.5; SS = 2·(5.5² + 4.5² + 3.5²) = 125.5; sd = √(125.5/5) = √25.1.
        Assert.Equal(2.0, a.Mean, 12);
        Assert.Equal(2.0, a.Median, 12);
        Assert.Equal(6.5, a.OverallMean, 12);
        Assert.Equal(Math.Sqrt(25.1), a.OverallStd, 12);
        Assert.Equal(-4.5 / Math.Sqrt(25.1), a.StdDifference, 12);

        // Cohen's d: means 2 and 11, both within-group variances 1 → pooled sd 1 → d = −9.
        Assert.Equal(-9.0, a.EffectSize, 12);

        // b: segment 0 = {5,5,6} mean 16/3, var 1/3; rest = {5,6,6} mean 17/3, var 1/3 → d = (−1/3)/√(1/3) = −1/√3.
        Assert.Equal(-1 / Math.Sqrt(3), s0["b"].EffectSize, 12);

        // Top feature by |d| is a, then b.
        Assert.Equal(["a", "b"], s0.TopFeatures.Select(f => f.Feature));
        Assert.Equal(9.0, table[1]["a"].EffectSize, 12);
    }

    [Fact]
    public void Profile_excludes_noise_and_reports_it()
    {
        var table = SegmentInsights.Profile(Toy(), [0, 0, -1, 1, 1, 1]);
        Assert.Equal(5, table.Rows);
        Assert.Equal(1, table.NoiseCount);
        Assert.Equal(0.4, table[0].Share, 12);
        Assert.Contains(table.Warnings, w => w.Contains("noise", StringComparison.Ordinal));
        Assert.Equal((1 + 2 + 10 + 11 + 12) / 5.0, table.Overall[0].Mean, 12);
    }

    [Fact]
    public void Profile_errors_name_the_problem()
    {
        var e1 = Assert.Throws<ArgumentException>(() => SegmentInsights.Profile(Toy(), [0, 1]));
        Assert.Contains("6 rows", e1.Message, StringComparison.Ordinal);
        var e2 = Assert.Throws<ArgumentException>(() => SegmentInsights.Profile(Toy(), [0, 0, 0, 1, 1, 1], new ProfileOptions { Features = ["zzz"] }));
        Assert.Contains("Columns: a, b, CustomerID", e2.Message, StringComparison.Ordinal);
    }

    private static DataFrame IncomeSpend() => new(
        // 4 segments of 2 rows: (low, low), (low, high), (high, high), (high, low), plus 2 average rows.
        new DoubleDataFrameColumn("Annual Income", new double?[] { 10, 12, 10, 12, 90, 92, 90, 92, 50, 50 }),
        new DoubleDataFrameColumn("Spending Score", new double?[] { 5, 7, 95, 97, 95, 97, 5, 7, 50, 50 }));

    [Fact]
    public void Names_from_income_and_spending_levels()
    {
        var names = SegmentInsights.Name(IncomeSpend(), [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
        Assert.Equal(
            ["Low income · Low spending", "Low income · High spending", "High income · High spending", "High income · Low spending", "Average income · Average spending"],
            names.Select(n => n.Name));
        Assert.All(names, n => Assert.Null(n.Persona));

        // Segment 2's income: mean 91 vs overall 50.8; the evidence carries these numbers.
        var income = names[2].Evidence.First(e => e.Measure == "income" && e.Met);
        Assert.Equal(91, income.SegmentMean, 12);
        Assert.Equal(50.8, income.OverallMean, 12);
        Assert.Equal("Annual Income", income.Column);
    }

    [Fact]
    public void Duplicate_names_get_a_qualifier_from_their_largest_difference()
    {
        // Two low/low segments: rows (10, 5) and (12, 7). Income SD (≈ 34.5) is smaller than spending SD (≈ 40.3),
        // so they differ most in income z: the lower one is "lower income", the other "higher income".
        var names = SegmentInsights.Name(IncomeSpend(), [0, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
        Assert.Equal("Low income · Low spending · lower income", names[0].Name);
        Assert.Equal("Low income · Low spending · higher income", names[1].Name);
        Assert.Contains("differ most in income", names[1].Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Identical_segments_fall_back_to_numbered_names_and_threshold_ties_count_as_met()
    {
        var frame = new DataFrame(
            new DoubleDataFrameColumn("Income", new double?[] { 10, 10, 90, 90, 50, 50 }),
            new DoubleDataFrameColumn("Spend", new double?[] { 5, 5, 95, 95, 50, 50 }));
        var names = SegmentInsights.Name(frame, [0, 1, 2, 2, 3, 3]);
        Assert.Equal("Low income · Low spending", names[0].Name);
        Assert.Equal("Low income · Low spending (2)", names[1].Name);

        // A threshold equal to a segment's exact z is met (≥): use segment 2's income z as the threshold.
        var z = names.First(n => n.Segment == 2).Evidence.First(e => e.Measure == "income").StdDifference;
        var again = SegmentInsights.Name(frame, [0, 1, 2, 2, 3, 3], new NamingOptions { Threshold = z });
        Assert.Equal(Level.High, again.First(n => n.Segment == 2).IncomeLevel);
    }

    private static DataFrame Behaviour() => new(
        new DoubleDataFrameColumn("Income", new double?[] { 80, 82, 30, 32, 50, 52, 40, 42 }),
        new DoubleDataFrameColumn("MntTotal", new double?[] { 1500, 1600, 50, 60, 400, 420, 300, 310 }),
        new DoubleDataFrameColumn("Recency", new double?[] { 10, 12, 50, 52, 90, 95, 40, 42 }),
        new DoubleDataFrameColumn("NumDealsPurchases", new double?[] { 1, 1, 6, 6, 1, 1, 2, 2 }),
        new DoubleDataFrameColumn("NumWebPurchases", new double?[] { 6, 6, 2, 2, 1, 1, 9, 9 }),
        new DoubleDataFrameColumn("NumCatalogPurchases", new double?[] { 6, 6, 2, 2, 1, 1, 1, 1 }),
        new DoubleDataFrameColumn("NumStorePurchases", new double?[] { 10, 10, 4, 4, 2, 2, 2, 2 }));

    private static readonly NamingOptions _behaviourColumns = new()
    {
        SpendingColumn = "MntTotal",
        RecencyColumn = "Recency",
        DealPurchasesColumn = "NumDealsPurchases",
        WebPurchasesColumn = "NumWebPurchases",
        CatalogPurchasesColumn = "NumCatalogPurchases",
        StorePurchasesColumn = "NumStorePurchases",
    };

    [Fact]
    public void The_generic_defaults_name_no_behavioural_columns()
    {
        // Without naming options the rules know no dataset: income and spending levels only, no persona.
        var names = SegmentInsights.Name(Behaviour(), [0, 0, 1, 1, 2, 2, 3, 3]);
        Assert.All(names, n => Assert.Null(n.Persona));
        Assert.Equal("High income", names[0].Name);
    }

    [Fact]
    public void Personas_follow_the_stated_rules()
    {
        var names = SegmentInsights.Name(Behaviour(), [0, 0, 1, 1, 2, 2, 3, 3], _behaviourColumns);

        // Segment 0: top spend, most purchases, most recent → Loyal / high-value.
        Assert.Equal(Persona.LoyalHighValue, names[0].Persona);
        Assert.Equal("Loyal / high-value", names[0].Name);

        // Segment 1: deal share 6 / (2 + 2 + 4) = 0.75 (highest) with the lowest spend → Budget Buyers.
        Assert.Equal(Persona.BudgetBuyers, names[1].Persona);
        var deal = names[1].Evidence.First(e => e.Measure == "deal share" && e.Met);
        Assert.Equal(0.75, deal.SegmentMean, 12);
        Assert.Equal("NumDealsPurchases / (NumWebPurchases + NumCatalogPurchases + NumStorePurchases)", deal.Column);

        // Segment 2: last purchase 90+ days ago, 1 + 1 + 2 = 4 total purchases (deals are a subset, not added) → Low engagement.
        Assert.Equal(Persona.LowEngagement, names[2].Persona);
        Assert.Equal(4.0, names[2].Evidence.First(e => e.Measure == "total purchases").SegmentMean, 12);

        // Segment 3: web share 9/12 → Digital Enthusiasts.
        Assert.Equal(Persona.DigitalEnthusiasts, names[3].Persona);
        Assert.Contains("web share z ≥ +0.5", names[3].Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Mall_kmeans_five_segments_get_the_classic_income_spending_names()
    {
        var frame = Datasets.Mall.Load();
        string[] features = ["Annual Income (k$)", "Spending Score (1-100)"];
        var cols = features.Select(f => FrameColumns.PresentNumeric(FrameColumns.Get(frame, f))).ToArray();
        var rows = Enumerable.Range(0, (int)frame.Rows.Count).Select(i => cols.Select(c => c[i]).ToArray()).ToArray();
        var matrix = FeatureMatrix.FromRows(rows, features);
        var model = new KMeans(new KMeansOptions { K = 5, Seed = 0 }).Fit(matrix);
        var silhouette = ClusterMetrics.Silhouette(matrix, model.Labels);

        var report = SegmentInsights.Analyze(frame, model.Labels, silhouette, new ProfileOptions { Dataset = Datasets.Mall });

        Assert.Equal(
            new[] { "Average income · Average spending", "High income · High spending", "High income · Low spending", "Low income · High spending", "Low income · Low spending" },
            report.Names.Select(n => n.Name).Order(StringComparer.Ordinal).ToArray());

        // The classic sizes (scikit-learn KMeans k=5 on the same two columns): 81 average, 39 high/high, 35 high/low, 23 + 22 low.
        var sizeByName = report.Names.ToDictionary(n => n.Name, n => report.Profile[n.Segment].Size);
        Assert.Equal(81, sizeByName["Average income · Average spending"]);
        Assert.Equal(39, sizeByName["High income · High spending"]);
        Assert.Equal(35, sizeByName["High income · Low spending"]);

        // The summary reads the silhouette (≈ 0.554, scikit-learn) as reasonable and quotes it.
        Assert.Contains("0.55, a reasonable structure", report.Summary.Text, StringComparison.Ordinal);
        Assert.Contains("5 segments over 200 customers", report.Summary.Text, StringComparison.Ordinal);
        Assert.Contains("The largest segment is Average income · Average spending (81 customers, 40.5%)", report.Summary.Text, StringComparison.Ordinal);
        Assert.Contains("High income · High spending has the highest average spending", report.Summary.Text, StringComparison.Ordinal);

        // Each narrative quotes its own numbers: size, share and income mean in k$.
        var hh = report.Names.First(n => n.Name == "High income · High spending");
        var narrative = report.Narratives.First(n => n.Title.EndsWith(hh.Name, StringComparison.Ordinal));
        var p = report.Profile[hh.Segment];
        Assert.Equal(new NarrativeHeading(3, narrative.Title), narrative.Blocks[0]);
        Assert.Equal(new NarrativeSpan("39 customers (19.5% of 200)", Emphasis.Strong), narrative.Paragraphs.First().Spans[0]);
        Assert.Contains($"annual income averages {p["Annual Income (k$)"].Mean.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} k$", narrative.Text, StringComparison.Ordinal);
        Assert.Equal(new NarrativeSpan("Recommendation:", Emphasis.Strong), narrative.Paragraphs.Last().Spans[0]);
        Assert.Equal(new NarrativeSpan("Why this name:", Emphasis.Emphasized), narrative.Paragraphs.ElementAt(1).Spans[0]);
        Assert.DoesNotContain("*", narrative.Text, StringComparison.Ordinal);

        // The average segment's spending score differs by d = −0.04: not called distinguishing (|d| < 0.2).
        var avg = report.Names.First(n => n.Name == "Average income · Average spending");
        var avgText = report.Narratives.First(n => n.Title.EndsWith(avg.Name, StringComparison.Ordinal)).Text;
        var apart = avgText[avgText.IndexOf("What sets it apart", StringComparison.Ordinal)..avgText.IndexOf("Why this name:", StringComparison.Ordinal)];
        Assert.Contains("age averages", apart, StringComparison.Ordinal);
        Assert.DoesNotContain("spending score averages", apart, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_check_narrative_on_shop_customers()
    {
        var r = Eda.CheckRule(Datasets.Shop.Load(), "Spending Score (1-100)",
            new Condition("Annual Income ($)", ">", 50000), new Condition("Family Size", "<", 8), new Condition("Work Experience", "<=", 10));
        var n = SegmentInsights.Narrate(r);

        // Means from pandas (see EdaPandasParityTests): 51.126 (1,770 rows) vs 49.704 (230 rows).
        Assert.Equal(new NarrativeSpan("Supported by the data.", Emphasis.Strong), n.Paragraphs.First().Spans[0]);
        Assert.Contains("The 1,770 customers who meet every condition average 51.1 Spending Score (1-100) (median 50.0)", n.Text, StringComparison.Ordinal);
        Assert.Contains("against 49.7 (median 49.0) for the other 230", n.Text, StringComparison.Ordinal);
        var table = Assert.Single(n.Blocks.OfType<NarrativeTable>());
        Assert.Equal(["group", "customers", "mean", "median"], table.Headers);
        Assert.Equal(["meets the rule", "1,770", "51.1", "50.0"], table.Rows[0]);
        Assert.Equal(["others", "230", "49.7", "49.0"], table.Rows[1]);
        Assert.Equal([false, true, true, true], table.RightAligned);
        var caveat = Assert.Single(n.Paragraphs.Last().Spans);
        Assert.Equal(Emphasis.Emphasized, caveat.Emphasis);
        Assert.Contains("not a significance test", caveat.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_check_narrative_says_not_supported_when_the_mean_is_lower()
    {
        var frame = new DataFrame(
            new DoubleDataFrameColumn("income", new double?[] { 60, 70, 10, 20 }),
            new DoubleDataFrameColumn("score", new double?[] { 10, 20, 80, 90 }));
        var n = SegmentInsights.Narrate(Eda.CheckRule(frame, "score", new Condition("income", ">", 50)));
        Assert.Equal(new NarrativeSpan("Not supported by the data.", Emphasis.Strong), n.Paragraphs.First().Spans[0]);
        Assert.Contains("a difference of -70 in the mean", n.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Narratives_hold_data_text_literally_without_markup()
    {
        // Escaping is the renderer's job (SmartPulse.Display, see NarrativeRenderingTests): the data keeps the text as is.
        const string evil = "<script>alert(1)</script> [click](javascript:x) $5 *a*";
        var frame = new DataFrame(
            new DoubleDataFrameColumn("income", new double?[] { 60, 70, 10, 20 }),
            new DoubleDataFrameColumn(evil, new double?[] { 10, 20, 80, 90 }));
        var n = SegmentInsights.Narrate(Eda.CheckRule(frame, evil, new Condition("income", ">", 50)));
        var heading = Assert.IsType<NarrativeHeading>(n.Blocks[0]);
        Assert.EndsWith($"→ higher {evil}", heading.Title, StringComparison.Ordinal);
        Assert.Contains($"average 15.0 {evil} (median 15.0)", n.Text, StringComparison.Ordinal);

        var insights = SegmentInsights.Analyze(frame, [0, 0, 1, 1]);
        var report = insights.ToNarrative();
        Assert.Equal([.. insights.Summary.Blocks, .. insights.Narratives.SelectMany(x => x.Blocks)], report.Blocks);
        Assert.Contains(evil, report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Naming_and_the_iFood_features_share_one_definition_of_total_purchases_and_deal_share()
    {
        var frame = new PreparationPipeline(new IFoodFeatures()).FitTransform(Datasets.IFood.Load()).Data.Frame;
        var labels = Enumerable.Range(0, (int)frame.Rows.Count).Select(i => i % 3).ToArray();

        // A threshold no segment reaches: every persona is checked, so the evidence holds every measure.
        var names = SegmentInsights.Name(frame, labels, SampleNaming.Campaign with { Threshold = 100 });
        var dealShare = FrameColumns.Numeric(frame["Deal_Share"]);
        var webShare = FrameColumns.Numeric(frame["Web_Share"]);
        var total = FrameColumns.Numeric(frame["Total_Purchases"]);
        foreach (var n in names)
        {
            var rows = Enumerable.Range(0, labels.Length).Where(i => labels[i] == n.Segment).ToArray();
            Assert.Equal(rows.Average(i => dealShare[i]!.Value), n.Evidence.First(e => e.Measure == "deal share").SegmentMean, 12);
            Assert.Equal(rows.Average(i => webShare[i]!.Value), n.Evidence.First(e => e.Measure == "web share").SegmentMean, 12);
            Assert.Equal(rows.Average(i => total[i]!.Value), n.Evidence.First(e => e.Measure == "total purchases").SegmentMean, 12);
        }
    }

    [Fact]
    public void IFood_personas_are_backed_by_their_rules()
    {
        // KMeans k = 5 on the standardised behavioural columns of ifood_df.csv.
        var frame = Datasets.IFood.Load();
        string[] features = ["Income", "MntTotal", "Recency", "NumDealsPurchases", "NumWebPurchases", "NumCatalogPurchases", "NumStorePurchases"];
        var cols = features.Select(f => FrameColumns.PresentNumeric(FrameColumns.Get(frame, f))).ToArray();
        var means = cols.Select(c => Stats.Mean(c)).ToArray();
        var sds = cols.Select(c => Stats.StandardDeviation(c)).ToArray();
        var rows = Enumerable.Range(0, cols[0].Length).Select(i => cols.Select((c, j) => (c[i] - means[j]) / sds[j]).ToArray()).ToArray();
        var matrix = FeatureMatrix.FromRows(rows, features);
        var labels = new KMeans(new KMeansOptions { K = 5, Seed = 0 }).Fit(matrix).Labels;

        var report = SegmentInsights.Analyze(frame, labels, ClusterMetrics.Silhouette(matrix, labels), new ProfileOptions { Dataset = Datasets.IFood, Features = features }, SampleNaming.For(Datasets.IFood));

        Assert.Equal(5, report.Names.Select(n => n.Name).Distinct().Count());
        Assert.True(report.Names.Count(n => n.Persona is not null) >= 3, string.Join(", ", report.Names.Select(n => n.Name)));

        // The segment with the highest MntTotal mean is named for high spend.
        var top = report.Profile.Segments.OrderByDescending(s => s["MntTotal"].Mean).First().Segment;
        Assert.Contains(report.Names.First(n => n.Segment == top).Persona, new Persona?[] { Persona.HighSpenders, Persona.LoyalHighValue });

        // Every persona's rule conditions were met, with the numbers recorded.
        foreach (var n in report.Names.Where(n => n.Persona is not null))
        {
            var conditions = n.Evidence.Where(e => n.Rule.Contains($"{e.Measure} {e.Condition}", StringComparison.Ordinal)).ToArray();
            Assert.NotEmpty(conditions);
            Assert.All(conditions, e => Assert.True(e.Met, $"{n.Name}: {e.Measure} {e.StdDifference} {e.Condition}"));
        }

        // iFood spend is money: the summary quotes the top segment's share of total spend.
        Assert.Contains("of total spend", report.Summary.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_segment_without_any_small_effect_is_called_average()
    {
        // Both segments hold {1, 2}: every d is 0, so neither is "set apart".
        var frame = new DataFrame(new DoubleDataFrameColumn("a", new double?[] { 1, 2, 1, 2 }));
        var report = SegmentInsights.Analyze(frame, [0, 0, 1, 1]);
        Assert.All(report.Narratives, n => Assert.Contains("sits close to the average customer", n.Text, StringComparison.Ordinal));
        Assert.All(report.Narratives, n => Assert.DoesNotContain("What sets it apart", n.Text, StringComparison.Ordinal));
        Assert.Equal("Segment 0", report.Names[0].Name);
    }

    [Theory]
    [InlineData(0.75, "strong")]
    [InlineData(0.70, "reasonable")]
    [InlineData(0.554, "reasonable")]
    [InlineData(0.30, "weak")]
    [InlineData(0.25, "no substantial")]
    [InlineData(-0.2, "no substantial")]
    public void Silhouette_bands(double s, string band) => Assert.Equal(band, SilhouetteReading.Band(s));
}
