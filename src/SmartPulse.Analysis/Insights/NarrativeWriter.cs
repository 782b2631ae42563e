using System.Globalization;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Exploration;

namespace SmartPulse.Analysis.Insights;

/// <summary>Writes the narratives as data (see <see cref="Narrative"/>); every number comes from the results passed in.</summary>
internal static class NarrativeWriter
{
    private const double SmallEffect = 0.2;
    private static readonly CultureInfo _c = CultureInfo.InvariantCulture;

    public static Narrative Segment(SegmentProfileTable table, SegmentProfile p, SegmentName name)
    {
        var title = $"Segment {p.Segment.ToString(_c)}: {name.Name}";
        var n = new NarrativeBuilder().Heading(3, title);
        n.Strong($"{InsightText.Count(p.Size)} customers ({InsightText.Percent(p.Share)} of {InsightText.Count(table.Rows)})");
        if (name.Persona is not null && name.LevelName is not null)
        {
            n.Text(", ").Text(name.LevelName);
        }

        string Describe(FeatureProfile f)
        {
            var unit = table.Unit(f.Feature);
            return $"{table.Label(f.Feature).ToLowerInvariant()} averages {InsightText.Value(f.Mean, unit)} (median {InsightText.Value(f.Median, unit)}) against {InsightText.Value(f.OverallMean, unit)} overall ({InsightText.Sd(f.StdDifference)}, {InsightText.D(f.EffectSize)})";
        }

        // Only effects of at least "small" size (|d| ≥ 0.2, Cohen) are called distinguishing.
        var distinguishing = p.TopFeatures.Where(f => Math.Abs(f.EffectSize) >= SmallEffect).ToArray();
        if (distinguishing.Length > 0)
        {
            n.Text(". What sets it apart (Cohen's d against the other customers): ").Text(string.Join("; ", distinguishing.Select(Describe)));
        }
        else
        {
            n.Text(". It sits close to the average customer on every profiled feature (no |d| reaches 0.2); the largest difference: ")
             .Text(p.TopFeatures.Count > 0 ? Describe(p.TopFeatures[0]) : "none");
        }

        n.Text(".").EndParagraph();
        n.Emphasized("Why this name:").Text(" ").Text(name.Rule);
        var shown = new List<string>();
        foreach (var measure in new[] { "income", "spending" })
        {
            var level = measure == "income" ? name.IncomeLevel : name.SpendingLevel;
            var e = name.Evidence.FirstOrDefault(x => x.Measure == measure);
            if (level is { } lv && e is not null)
            {
                var unit = table.Unit(e.Column);
                shown.Add($"{measure} {InsightText.Value(e.SegmentMean, unit)} vs {InsightText.Value(e.OverallMean, unit)} overall ({InsightText.Sd(e.StdDifference)} → {lv})");
            }
        }

        if (name.Persona is not null)
        {
            shown.AddRange(name.Evidence.Where(e => e.Met && RuleMentions(name.Rule, e)).Select(Evidence));
        }

        if (shown.Count > 0)
        {
            n.Text(" Numbers: ").Text(string.Join("; ", shown.Distinct())).Text(".");
        }

        var near = name.Evidence.Where(e => e.NearMiss).ToArray();
        if (near.Length > 0)
        {
            n.Text(" Near misses: ").Text(string.Join("; ", near.Select(e => $"{e.Measure} {InsightText.Sd(e.StdDifference)} just misses {e.Condition}"))).Text(".");
        }

        n.EndParagraph().Strong("Recommendation:").Text(" ").Text(Recommendation(name));
        return n.Build(title);
    }

    public static Narrative Summary(SegmentProfileTable table, IReadOnlyList<SegmentName> names, double? silhouette, MeasureStats? spend, DatasetDescriptor? dataset)
    {
        const string title = "Segment summary";
        var n = new NarrativeBuilder().Heading(2, title);
        var k = table.Segments.Count;
        n.Text($"{k.ToString(_c)}{(k == 1 ? " segment" : " segments")} over {InsightText.Count(table.Rows)} customers");
        if (table.NoiseCount > 0)
        {
            n.Text($" ({InsightText.Count(table.NoiseCount)} more left out as noise)");
        }

        n.Text(". ");
        n.Text(silhouette is { } s
            ? $"The mean silhouette is {SilhouetteReading.Describe(s)}. "
            : "No silhouette was given, so separation is not assessed here. ");
        string NameOf(int seg) => names.First(x => x.Segment == seg).Name;
        var largest = table.Segments.OrderByDescending(p => p.Size).ThenBy(p => p.Segment).First();
        var smallest = table.Segments.OrderBy(p => p.Size).ThenBy(p => p.Segment).First();
        n.Text($"The largest segment is {NameOf(largest.Segment)} ({InsightText.Count(largest.Size)} customers, {InsightText.Percent(largest.Share)}); ");
        n.Text($"the smallest is {NameOf(smallest.Segment)} ({InsightText.Count(smallest.Size)}, {InsightText.Percent(smallest.Share)}).");
        if (spend is not null && k > 0)
        {
            var top = table.Segments.Select(p => p.Segment).OrderByDescending(seg => spend.SegmentMeans[seg]).ThenBy(seg => seg).First();
            var share = table[top].Share;
            var unit = dataset?.Columns.FirstOrDefault(c => c.Name == spend.Column)?.Unit;
            var isMoney = !spend.Column.Contains("score", StringComparison.OrdinalIgnoreCase) && spend.OverallSum > 0;
            var shown = isMoney ? unit ?? "$" : unit;
            n.EndParagraph().Strong("Where the value is:").Text(" ");
            n.Text($"{NameOf(top)} has the highest average {(isMoney ? "spend" : "spending")}, {InsightText.Value(spend.SegmentMeans[top], shown)}")
             .Text($" against {InsightText.Value(spend.OverallMean, shown)} overall ({spend.Column})");
            n.Text(isMoney
                ? $": {InsightText.Percent(share)} of the customers account for {InsightText.Percent(spend.SegmentSums[top] / spend.OverallSum)} of total spend."
                : $", with {InsightText.Percent(share)} of the customers.");
        }

        if (table.Warnings.Count > 0)
        {
            n.EndParagraph().Emphasized("Notes:").Text(" ").Text(string.Join(" ", table.Warnings));
        }

        return n.Build(title);
    }

    public static Narrative RuleCheck(RuleCheckResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var title = $"Rule check: {r.Rule} → higher {r.Target}";
        var n = new NarrativeBuilder().Heading(3, title);
        if (r.Matching.Size == 0 || r.Others.Size == 0)
        {
            return n.Strong("Cannot be checked.").Text(" ").Text(r.Summary).Build(title);
        }

        n.Strong(r.Supported ? "Supported by the data." : "Not supported by the data.").Text(" ");
        n.Text($"The {InsightText.Count(r.Matching.Size)} customers who meet every condition average {InsightText.Number(r.Matching.Mean)} {r.Target} (median {InsightText.Number(r.Matching.Median)}), ");
        n.Text($"against {InsightText.Number(r.Others.Mean)} (median {InsightText.Number(r.Others.Median)}) for the other {InsightText.Count(r.Others.Size)}: ");
        n.Text($"a difference of {r.MeanDifference.ToString("+0.##;-0.##;0", _c)} in the mean and {r.MedianDifference.ToString("+0.##;-0.##;0", _c)} in the median.");
        if (r.RowsSkipped > 0)
        {
            n.Text($" {InsightText.Count(r.RowsSkipped)} rows with a missing value in a rule column were left out.");
        }

        n.Table(
            ["group", "customers", "mean", "median"],
            [
                ["meets the rule", InsightText.Count(r.Matching.Size), InsightText.Number(r.Matching.Mean), InsightText.Number(r.Matching.Median)],
                ["others", InsightText.Count(r.Others.Size), InsightText.Number(r.Others.Mean), InsightText.Number(r.Others.Median)],
            ],
            [false, true, true, true]);
        n.Emphasized("This compares group averages; it is not a significance test, and other differences between the groups may explain the gap.");
        return n.Build(title);
    }

    private static bool RuleMentions(string rule, NamingEvidence e) => rule.Contains(e.Measure + " " + e.Condition, StringComparison.Ordinal);

    private static string Evidence(NamingEvidence e) =>
        $"{e.Measure} {InsightText.Number(e.SegmentMean)} vs {InsightText.Number(e.OverallMean)} overall ({InsightText.Sd(e.StdDifference)}, {e.Condition})";

    private static string Recommendation(SegmentName name) => name.Persona switch
    {
        Persona.LoyalHighValue => "Reward and retain: a loyalty tier, early access and personal service; they are worth protecting more than discounting.",
        Persona.HighSpenders => "Upsell premium lines and bundles, and keep them engaged with exclusive offers rather than price cuts.",
        Persona.BudgetBuyers => "Lead with deals and value packs; time promotions to their buying cycle and keep the cost of serving them low.",
        Persona.LowEngagement => "Reactivate cheaply: a win-back email with a single clear offer; stop spending on them if they do not respond.",
        Persona.DiscountDriven => "Use targeted coupons and limited-time deals, and test whether smaller discounts keep the same response.",
        Persona.DigitalEnthusiasts => "Invest in the web shop and online campaigns: personalised recommendations, app and email offers.",
        Persona.ChurnProne => "Act before they lapse: a personal 'we miss you' offer now, and ask for feedback on why they stopped buying.",
        _ => (name.IncomeLevel, name.SpendingLevel) switch
        {
            (Level.High, Level.High) => "The most valuable customers: target with premium products, loyalty perks and early access, and protect the relationship.",
            (Level.High, Level.Low) => "Untapped potential: they can spend but do not; find out why (survey) and win them with quality-focused, personalised offers.",
            (Level.Low, Level.High) => "Enthusiastic but budget-limited: keep them with loyalty points and affordable bundles, without pushing credit.",
            (Level.Low, Level.Low) => "Price-sensitive: reach them with value lines and discounts through low-cost channels.",
            (Level.Average, Level.Average) => "The mainstream: broad seasonal campaigns and cross-selling suit them.",
            (_, Level.High) => "Strong spenders: keep them engaged with loyalty rewards and new arrivals.",
            (_, Level.Low) => "Light spenders: test entry offers and reminders to raise their basket size.",
            _ => "No sharp profile: use broad campaigns and watch how the segment responds.",
        },
    };
}
