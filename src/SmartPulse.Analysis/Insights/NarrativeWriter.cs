using System.Globalization;
using System.Text;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Exploration;

namespace SmartPulse.Analysis.Insights;

/// <summary>Writes the markdown narratives; every number comes from the results passed in.</summary>
internal static class NarrativeWriter
{
    private const double SmallEffect = 0.2;
    private static readonly CultureInfo _c = CultureInfo.InvariantCulture;

    public static Narrative Segment(SegmentProfileTable table, SegmentProfile p, SegmentName name)
    {
        var sb = new StringBuilder();
        var title = $"Segment {p.Segment.ToString(_c)}: {name.Name}";
        sb.Append("### ").Append(InsightText.Md(title)).Append("\n\n");
        sb.Append("**").Append(InsightText.Count(p.Size)).Append(" customers (").Append(InsightText.Percent(p.Share)).Append(" of ")
          .Append(InsightText.Count(table.Rows)).Append(")**");
        if (name.Persona is not null && name.LevelName is not null)
        {
            sb.Append(", ").Append(InsightText.Md(name.LevelName));
        }

        string Describe(FeatureProfile f)
        {
            var unit = table.Unit(f.Feature);
            return $"{InsightText.Md(table.Label(f.Feature).ToLowerInvariant())} averages {InsightText.Value(f.Mean, unit)} (median {InsightText.Value(f.Median, unit)}) against {InsightText.Value(f.OverallMean, unit)} overall ({InsightText.Sd(f.StdDifference)}, {InsightText.D(f.EffectSize)})";
        }

        // Only effects of at least "small" size (|d| ≥ 0.2, Cohen) are called distinguishing.
        var distinguishing = p.TopFeatures.Where(f => Math.Abs(f.EffectSize) >= SmallEffect).ToArray();
        if (distinguishing.Length > 0)
        {
            sb.Append(". What sets it apart (Cohen's d against the other customers): ").Append(string.Join("; ", distinguishing.Select(Describe)));
        }
        else
        {
            sb.Append(". It sits close to the average customer on every profiled feature (no |d| reaches 0.2); the largest difference: ")
              .Append(p.TopFeatures.Count > 0 ? Describe(p.TopFeatures[0]) : "none");
        }

        sb.Append(".\n\n");
        sb.Append("*Why this name:* ").Append(InsightText.Md(name.Rule));
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
            sb.Append(" Numbers: ").Append(string.Join("; ", shown.Distinct())).Append('.');
        }

        var near = name.Evidence.Where(e => e.NearMiss).ToArray();
        if (near.Length > 0)
        {
            sb.Append(" Near misses: ").Append(string.Join("; ", near.Select(e => $"{e.Measure} {InsightText.Sd(e.StdDifference)} just misses {e.Condition}"))).Append('.');
        }

        sb.Append("\n\n**Recommendation:** ").Append(Recommendation(name));
        return new Narrative(title, sb.ToString());
    }

    public static Narrative Summary(SegmentProfileTable table, IReadOnlyList<SegmentName> names, double? silhouette, MeasureStats? spend, DatasetDescriptor? dataset)
    {
        var sb = new StringBuilder();
        const string title = "Segment summary";
        sb.Append("## ").Append(title).Append("\n\n");
        var k = table.Segments.Count;
        sb.Append(k.ToString(_c)).Append(k == 1 ? " segment" : " segments").Append(" over ").Append(InsightText.Count(table.Rows)).Append(" customers");
        if (table.NoiseCount > 0)
        {
            sb.Append(" (").Append(InsightText.Count(table.NoiseCount)).Append(" more left out as noise)");
        }

        sb.Append(". ");
        sb.Append(silhouette is { } s
            ? $"The mean silhouette is {SilhouetteReading.Describe(s)}. "
            : "No silhouette was given, so separation is not assessed here. ");
        string NameOf(int seg) => InsightText.Md(names.First(n => n.Segment == seg).Name);
        var largest = table.Segments.OrderByDescending(p => p.Size).ThenBy(p => p.Segment).First();
        var smallest = table.Segments.OrderBy(p => p.Size).ThenBy(p => p.Segment).First();
        sb.Append($"The largest segment is {NameOf(largest.Segment)} ({InsightText.Count(largest.Size)} customers, {InsightText.Percent(largest.Share)}); ");
        sb.Append($"the smallest is {NameOf(smallest.Segment)} ({InsightText.Count(smallest.Size)}, {InsightText.Percent(smallest.Share)}).");
        if (spend is not null && k > 0)
        {
            var top = table.Segments.Select(p => p.Segment).OrderByDescending(seg => spend.SegmentMeans[seg]).ThenBy(seg => seg).First();
            var share = table[top].Share;
            var unit = dataset?.Columns.FirstOrDefault(c => c.Name == spend.Column)?.Unit;
            var isMoney = !spend.Column.Contains("score", StringComparison.OrdinalIgnoreCase) && spend.OverallSum > 0;
            sb.Append("\n\n**Where the value is:** ").Append(NameOf(top)).Append(" has the highest average ")
              .Append(isMoney ? "spend" : "spending").Append(", ").Append(InsightText.Value(spend.SegmentMeans[top], isMoney ? unit ?? "$" : unit))
              .Append(" against ").Append(InsightText.Value(spend.OverallMean, isMoney ? unit ?? "$" : unit)).Append(" overall (").Append(InsightText.Md(spend.Column)).Append(")");
            if (isMoney)
            {
                sb.Append($": {InsightText.Percent(share)} of the customers account for {InsightText.Percent(spend.SegmentSums[top] / spend.OverallSum)} of total spend.");
            }
            else
            {
                sb.Append($", with {InsightText.Percent(share)} of the customers.");
            }
        }

        if (table.Warnings.Count > 0)
        {
            sb.Append("\n\n*Notes:* ").Append(string.Join(" ", table.Warnings.Select(InsightText.Md)));
        }

        return new Narrative(title, sb.ToString());
    }

    public static Narrative RuleCheck(RuleCheckResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var sb = new StringBuilder();
        var title = $"Rule check: {r.Rule} → higher {r.Target}";
        var target = InsightText.Md(r.Target);
        sb.Append("### ").Append(InsightText.Md(title)).Append("\n\n");
        if (r.Matching.Size == 0 || r.Others.Size == 0)
        {
            sb.Append("**Cannot be checked.** ").Append(InsightText.Md(r.Summary));
            return new Narrative(title, sb.ToString());
        }

        sb.Append(r.Supported ? "**Supported by the data.** " : "**Not supported by the data.** ");
        sb.Append($"The {InsightText.Count(r.Matching.Size)} customers who meet every condition average {InsightText.Number(r.Matching.Mean)} {target} (median {InsightText.Number(r.Matching.Median)}), ");
        sb.Append($"against {InsightText.Number(r.Others.Mean)} (median {InsightText.Number(r.Others.Median)}) for the other {InsightText.Count(r.Others.Size)}: ");
        sb.Append($"a difference of {r.MeanDifference.ToString("+0.##;-0.##;0", _c)} in the mean and {r.MedianDifference.ToString("+0.##;-0.##;0", _c)} in the median.");
        if (r.RowsSkipped > 0)
        {
            sb.Append($" {InsightText.Count(r.RowsSkipped)} rows with a missing value in a rule column were left out.");
        }

        sb.Append("\n\n| group | customers | mean | median |\n|---|---:|---:|---:|\n");
        sb.Append($"| meets the rule | {InsightText.Count(r.Matching.Size)} | {InsightText.Number(r.Matching.Mean)} | {InsightText.Number(r.Matching.Median)} |\n");
        sb.Append($"| others | {InsightText.Count(r.Others.Size)} | {InsightText.Number(r.Others.Mean)} | {InsightText.Number(r.Others.Median)} |\n\n");
        sb.Append("*This compares group averages; it is not a significance test, and other differences between the groups may explain the gap.*");
        return new Narrative(title, sb.ToString());
    }

    private static bool RuleMentions(string rule, NamingEvidence e) => rule.Contains(e.Measure + " " + e.Condition, StringComparison.Ordinal);

    private static string Evidence(NamingEvidence e) =>
        $"{InsightText.Md(e.Measure)} {InsightText.Number(e.SegmentMean)} vs {InsightText.Number(e.OverallMean)} overall ({InsightText.Sd(e.StdDifference)}, {InsightText.Md(e.Condition)})";

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
