using System.Globalization;
using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Data;

namespace SmartPulse.Analysis.Insights;

/// <summary>The naming rules of <see cref="SegmentInsights.Name"/>.</summary>
internal static class SegmentNamer
{
    public static IReadOnlyList<SegmentName> Name(DataFrame frame, IReadOnlyList<int> labels, NamingOptions o)
    {
        var segments = labels.Where(l => l >= 0).Distinct().Order().ToArray();
        var incomeColumn = o.IncomeColumn ?? frame.Columns.FirstOrDefault(c => FrameColumns.IsNumeric(c) && c.Name.Contains("income", StringComparison.OrdinalIgnoreCase))?.Name;
        var income = incomeColumn is null ? null : new MeasureStats("income", incomeColumn, Numeric(frame, incomeColumn), labels, segments);
        var spend = SpendMeasure(frame, labels, o, segments);
        var persona = PersonaMeasures(frame, labels, o, segments, spend);
        var t = o.Threshold;
        var names = new List<SegmentName>();
        foreach (var s in segments)
        {
            var evidence = new List<NamingEvidence>();
            Level? incomeLevel = income is null ? null : LevelOf(income, s, o, evidence);
            Level? spendLevel = spend is null ? null : LevelOf(spend, s, o, evidence);
            string? levelName = (incomeLevel, spendLevel) switch
            {
                ({ } i, { } sp) => $"{i} income · {sp} spending",
                ({ } i, null) => $"{i} income",
                (null, { } sp) => $"{sp} spending",
                _ => null,
            };
            Persona? chosen = null;
            var rule = levelName is null
                ? $"No income, spending or behavioural column was found, so the segment keeps its id."
                : $"Levels: a measure is High when its segment mean is ≥ {InsightText.Threshold(t)} SD from the overall mean, Low when ≤ {InsightText.Threshold(-t)} SD, else Average"
                  + (persona is null ? "." : "; no persona rule held.");
            if (persona is { } p)
            {
                foreach (var candidate in Enum.GetValues<Persona>())
                {
                    var checks = Conditions(candidate, p, spend!, t);
                    var results = checks.Select(c => Check(c.Measure, s, c.Op, c.Bound, o)).ToArray();
                    evidence.AddRange(results.Where(r => !evidence.Any(e => e.Measure == r.Measure && e.Condition == r.Condition)));
                    if (results.All(r => r.Met))
                    {
                        chosen = candidate;
                        rule = $"{Label(candidate)}: " + string.Join(" and ", checks.Select(c => $"{c.Measure.Measure} z {c.Op} {InsightText.Threshold(c.Bound)}"))
                            + " (personas are checked in the order Loyal / high-value, High Spenders, Budget Buyers, Low engagement, Discount-driven, Digital Enthusiasts, Churn-prone; the first that holds names the segment).";
                        break;
                    }
                }
            }

            var name = chosen is { } c2 ? Label(c2) : levelName ?? $"Segment {s.ToString(CultureInfo.InvariantCulture)}";
            names.Add(new SegmentName(s, name, chosen, levelName, incomeLevel, spendLevel, rule, evidence));
        }

        var measures = new List<(MeasureStats Stats, string High, string Low)>();
        if (income is not null)
        {
            measures.Add((income, "higher income", "lower income"));
        }

        if (spend is not null)
        {
            measures.Add((spend, "higher spend", "lower spend"));
        }

        if (persona is { } pm)
        {
            measures.Add((pm.Recency, "lapsed", "recent"));
            measures.Add((pm.Purchases, "frequent", "infrequent"));
            measures.Add((pm.DealShare, "deal-heavy", "deal-light"));
            measures.Add((pm.WebShare, "online", "offline"));
        }

        return Disambiguate(names, measures);
    }

    /// <summary>
    /// Segments that share a name get a qualifier from the measure on which they differ most (largest range of z
    /// within the group; ties → the earlier measure): the segments above the group's midpoint take the "high" word
    /// ("lapsed", "frequent", …), the others the "low" word. Names still shared get " (2)", " (3)", … by segment id.
    /// </summary>
    private static List<SegmentName> Disambiguate(List<SegmentName> names, List<(MeasureStats Stats, string High, string Low)> measures)
    {
        var result = names.ToList();
        foreach (var group in names.GroupBy(n => n.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).ToArray())
        {
            var members = group.ToArray();
            var best = -1;
            var bestRange = 0.0;
            for (var m = 0; m < measures.Count; m++)
            {
                var zs = members.Select(n => measures[m].Stats.Z(n.Segment)).ToArray();
                var range = zs.Max() - zs.Min();
                if (range > bestRange + 1e-12)
                {
                    best = m;
                    bestRange = range;
                }
            }

            if (best < 0)
            {
                continue;
            }

            var (stats, high, low) = measures[best];
            var mid = (members.Max(n => stats.Z(n.Segment)) + members.Min(n => stats.Z(n.Segment))) / 2;
            foreach (var n in members)
            {
                var z = stats.Z(n.Segment);
                var word = z > mid ? high : low;
                var index = result.FindIndex(r => r.Segment == n.Segment);
                result[index] = n with
                {
                    Name = $"{n.Name} · {word}",
                    Rule = n.Rule + $" Segments {string.Join(", ", members.Select(x => x.Segment.ToString(CultureInfo.InvariantCulture)))} share this name; they differ most in {stats.Measure} (z = {InsightText.Sd(z)} here), hence \"{word}\".",
                };
            }
        }

        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < result.Count; i++)
        {
            var name = result[i].Name;
            if (taken.TryGetValue(name, out var count))
            {
                taken[name] = count + 1;
                result[i] = result[i] with { Name = $"{name} ({(count + 1).ToString(CultureInfo.InvariantCulture)})" };
            }
            else
            {
                taken[name] = 1;
            }
        }

        return result;
    }

    /// <summary>The persona's display label.</summary>
    public static string Label(Persona p) => p switch
    {
        Persona.LoyalHighValue => "Loyal / high-value",
        Persona.HighSpenders => "High Spenders",
        Persona.BudgetBuyers => "Budget Buyers",
        Persona.LowEngagement => "Low engagement",
        Persona.DiscountDriven => "Discount-driven",
        Persona.DigitalEnthusiasts => "Digital Enthusiasts",
        Persona.ChurnProne => "Churn-prone",
        _ => p.ToString(),
    };

    /// <summary>The spending measure per the rule in <see cref="NamingOptions.SpendingColumn"/>, or null.</summary>
    public static MeasureStats? SpendMeasure(DataFrame frame, IReadOnlyList<int> labels, NamingOptions o, IReadOnlyList<int> segments)
    {
        if (o.SpendingColumn is { } explicitColumn)
        {
            return new MeasureStats("spending", explicitColumn, Numeric(frame, explicitColumn), labels, segments);
        }

        if (o.SpendingColumns is { } parts)
        {
            var cols = parts.Select(m => Numeric(frame, m)).ToArray();
            var sum = new double?[frame.Rows.Count];
            for (var i = 0; i < sum.Length; i++)
            {
                double total = 0;
                var ok = true;
                foreach (var col in cols)
                {
                    if (col[i] is { } v)
                    {
                        total += v;
                    }
                    else
                    {
                        ok = false;
                    }
                }

                sum[i] = ok ? total : null;
            }

            return new MeasureStats("spending", string.Join(" + ", parts), sum, labels, segments);
        }

        var spendColumn = frame.Columns.FirstOrDefault(c => FrameColumns.IsNumeric(c) && c.Name.Contains("spend", StringComparison.OrdinalIgnoreCase))?.Name;
        return spendColumn is null ? null : new MeasureStats("spending", spendColumn, Numeric(frame, spendColumn), labels, segments);
    }

    private static (MeasureStats Purchases, MeasureStats DealShare, MeasureStats WebShare, MeasureStats Recency)? PersonaMeasures(
        DataFrame frame, IReadOnlyList<int> labels, NamingOptions o, IReadOnlyList<int> segments, MeasureStats? spend)
    {
        if (spend is null || !o.NamesPersonaColumns)
        {
            return null;
        }

        var deals = Numeric(frame, o.DealPurchasesColumn!);
        var web = Numeric(frame, o.WebPurchasesColumn!);
        var catalog = Numeric(frame, o.CatalogPurchasesColumn!);
        var store = Numeric(frame, o.StorePurchasesColumn!);
        var n = frame.Rows.Count;
        var purchases = new double?[n];
        var dealShare = new double?[n];
        var webShare = new double?[n];
        for (var i = 0; i < n; i++)
        {
            if (deals[i] is not { } d || web[i] is not { } w || catalog[i] is not { } c || store[i] is not { } st)
            {
                continue;
            }

            var total = PurchaseMeasures.Total(w, c, st);
            purchases[i] = total;
            dealShare[i] = PurchaseMeasures.Share(d, total);
            webShare[i] = PurchaseMeasures.Share(w, total);
        }

        var channels = $"{o.WebPurchasesColumn} + {o.CatalogPurchasesColumn} + {o.StorePurchasesColumn}";
        return (
            new MeasureStats("total purchases", channels, purchases, labels, segments),
            new MeasureStats("deal share", $"{o.DealPurchasesColumn} / ({channels})", dealShare, labels, segments),
            new MeasureStats("web share", $"{o.WebPurchasesColumn} / ({channels})", webShare, labels, segments),
            new MeasureStats("recency", o.RecencyColumn!, Numeric(frame, o.RecencyColumn!), labels, segments));
    }

    private static (MeasureStats Measure, string Op, double Bound)[] Conditions(
        Persona persona,
        (MeasureStats Purchases, MeasureStats DealShare, MeasureStats WebShare, MeasureStats Recency) p,
        MeasureStats spend,
        double t) => persona switch
    {
        Persona.LoyalHighValue => [(spend, "≥", t), (p.Purchases, "≥", t), (p.Recency, "≤", 0)],
        Persona.HighSpenders => [(spend, "≥", t)],
        Persona.BudgetBuyers => [(p.DealShare, "≥", t), (spend, "≤", -t)],
        Persona.LowEngagement => [(p.Recency, "≥", t), (p.Purchases, "≤", -t)],
        Persona.DiscountDriven => [(p.DealShare, "≥", t)],
        Persona.DigitalEnthusiasts => [(p.WebShare, "≥", t)],
        Persona.ChurnProne => [(p.Recency, "≥", t)],
        _ => [],
    };

    private static NamingEvidence Check(MeasureStats m, int segment, string op, double bound, NamingOptions o)
    {
        var z = m.Z(segment);
        var met = op == "≥" ? z >= bound : z <= bound;
        var near = !met && Math.Abs(z - bound) < o.NearMissMargin;
        return new NamingEvidence(m.Measure, m.Column, m.SegmentMeans[segment], m.OverallMean, z, $"z {op} {InsightText.Threshold(bound)}", met, near);
    }

    private static Level LevelOf(MeasureStats m, int segment, NamingOptions o, List<NamingEvidence> evidence)
    {
        var high = Check(m, segment, "≥", o.Threshold, o);
        var low = Check(m, segment, "≤", -o.Threshold, o);
        evidence.Add(high);
        evidence.Add(low);
        return high.Met ? Level.High : low.Met ? Level.Low : Level.Average;
    }

    private static double?[] Numeric(DataFrame frame, string column)
    {
        var names = frame.Columns.Select(c => c.Name).ToArray();
        if (!names.Contains(column))
        {
            throw new ArgumentException($"Column '{column}' is not in the frame. Columns: {string.Join(", ", names)}.", nameof(column));
        }

        var col = FrameColumns.Get(frame, column);
        if (!FrameColumns.IsNumeric(col))
        {
            throw new ArgumentException($"Column '{column}' is not numeric ({col.DataType.Name}); naming rules need numbers.", nameof(column));
        }

        return FrameColumns.Numeric(col);
    }
}
