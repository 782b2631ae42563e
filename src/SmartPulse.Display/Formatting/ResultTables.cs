using System.Globalization;
using SmartPulse.Analysis.Evaluation;
using SmartPulse.Analysis.Exploration;
using SmartPulse.Analysis.Insights;

namespace SmartPulse.Display.Formatting;

/// <summary>Tables for SmartPulse result types (EDA summaries, metrics, k sweeps, profiles, rule checks).</summary>
internal static class ResultTables
{
    private static readonly CultureInfo _c = CultureInfo.InvariantCulture;

    public static string? N(double? v, string format = "0.####") => v is { } x && !double.IsNaN(x) ? x.ToString(format, _c) : null;

    public static IReadOnlyList<TableData> Describe(DescribeResult r)
    {
        var tables = new List<TableData>();
        if (r.Numeric.Count > 0)
        {
            tables.Add(new TableData(
                $"Numeric columns ({r.Rows.ToString(_c)} rows)",
                ["column", "count", "mean", "std", "min", "25%", "50%", "75%", "max"],
                r.Numeric.Select(s => new[] { s.Column, s.Count.ToString(_c), N(s.Mean), N(s.Std), N(s.Min), N(s.Q25), N(s.Median), N(s.Q75), N(s.Max) }).ToList(),
                [true, false, false, false, false, false, false, false, false]));
        }

        if (r.Categorical.Count > 0)
        {
            tables.Add(new TableData(
                "Categorical columns",
                ["column", "count", "unique", "top", "freq"],
                r.Categorical.Select(s => new[] { s.Column, s.Count.ToString(_c), s.Unique.ToString(_c), s.Top, s.Freq.ToString(_c) }).ToList(),
                [true, false, false, true, false]));
        }

        return tables;
    }

    public static TableData Correlation(CorrelationMatrix m) => new(
        $"{m.Method} correlation",
        new[] { string.Empty }.Concat(m.Columns).ToArray(),
        Enumerable.Range(0, m.Columns.Count).Select(i => new[] { m.Columns[i] }.Concat(Enumerable.Range(0, m.Columns.Count).Select(j => N(m[i, j], "0.000"))).ToArray()).ToList(),
        new[] { true }.Concat(m.Columns.Select(_ => false)).ToArray());

    public static TableData GroupBy(GroupByResult g)
    {
        var headers = new List<string> { g.GroupColumn, "size" };
        foreach (var v in g.ValueColumns)
        {
            headers.AddRange([$"{v} count", $"{v} mean", $"{v} median"]);
        }

        var rows = g.Groups.Select(grp =>
        {
            var row = new List<string?> { grp.Group, grp.Size.ToString(_c) };
            foreach (var v in g.ValueColumns)
            {
                var s = grp.Values[v];
                row.AddRange([s.Count.ToString(_c), N(s.Mean), N(s.Median)]);
            }

            return row.ToArray();
        }).ToList();
        var note = g.RowsWithMissingKey > 0 ? $"{g.RowsWithMissingKey.ToString(_c)} rows with a missing {g.GroupColumn} are not in any group." : null;
        return new TableData($"{string.Join(", ", g.ValueColumns)} by {g.GroupColumn}", headers.ToArray(), rows, headers.Select((_, j) => j == 0).ToArray(), note);
    }

    public static TableData Scores(ClusterScores s)
    {
        var rows = new List<string?[]>
        {
            new[] { "clusters", s.ClusterCount.ToString(_c), "noise excluded" },
            new[] { "rows scored", s.Rows.ToString(_c), s.NoiseCount > 0 ? $"{s.NoiseCount.ToString(_c)} noise rows left out" : string.Empty },
            new[] { "silhouette", N(s.Silhouette, "0.0000"), (s.Silhouette is { } sil ? SilhouetteReading.Band(sil) + " structure; " : string.Empty) + "[−1, 1], higher is better" + (s.SilhouetteSampleSize is { } n ? $" (sampled on {n.ToString(_c)} rows)" : string.Empty) },
            new[] { "Calinski–Harabasz", N(s.CalinskiHarabasz, "0.00"), "higher is better" },
            new[] { "Davies–Bouldin", N(s.DaviesBouldin, "0.0000"), "≥ 0, lower is better" },
            new[] { "inertia", N(s.Inertia, "0.###"), "within-cluster sum of squares; lower is tighter" },
        };
        return new TableData("Cluster quality", ["metric", "value", "how to read"], rows, [true, false, true], s.Warnings.Count > 0 ? string.Join(" ", s.Warnings) : null);
    }

    public static TableData Sweep(KSweepResult r)
    {
        var rows = r.Rows.Select(row => new[]
        {
            row.K.ToString(_c) + Marks(r, row.K),
            N(row.Inertia, "0.###"),
            N(row.Silhouette, "0.0000"),
            N(row.CalinskiHarabasz, "0.00"),
            N(row.DaviesBouldin, "0.0000"),
            row.Stability is { } st ? N(st, "0.000") : "not checked",
            string.Join(" / ", row.Sizes.Select(x => x.ToString(_c))),
        }).ToList();
        var note = $"Recommended k = {r.RecommendedK.ToString(_c)}" + (r.ElbowK is { } e ? $"; elbow at k = {e.ToString(_c)}" : "; no clear elbow")
            + $"; best silhouette at k = {r.BestSilhouetteK.ToString(_c)}. " + string.Join(" ", r.Reasons);
        return new TableData("k sweep", ["k", "inertia", "silhouette ↑", "Calinski–Harabasz ↑", "Davies–Bouldin ↓", "stability (ARI)", "sizes"], rows, [true, false, false, false, false, false, true], note);
    }

    public static TableData Profile(SegmentProfileTable t, IReadOnlyDictionary<int, string>? names = null)
    {
        var headers = new List<string> { "segment", "size", "share" };
        foreach (var f in t.Features)
        {
            var unit = t.Unit(f);
            headers.Add(unit is { Length: > 0 } ? $"{t.Label(f)} ({unit}) mean · median · Δsd" : $"{t.Label(f)} mean · median · Δsd");
        }

        headers.Add("most distinguishing (Cohen's d)");
        var rows = t.Segments.Select(s =>
        {
            var row = new List<string?>
            {
                names is not null && names.TryGetValue(s.Segment, out var n) ? $"{s.Segment.ToString(_c)}: {n}" : s.Segment.ToString(_c),
                s.Size.ToString(_c),
                (s.Share * 100).ToString("0.0", _c) + "%",
            };
            row.AddRange(s.Features.Select(f => $"{N(f.Mean, "0.##")} · {N(f.Median, "0.##")} · {f.StdDifference.ToString("+0.00;-0.00;0.00", _c)}"));
            row.Add(string.Join(", ", s.TopFeatures.Select(f => $"{t.Label(f.Feature)} {f.EffectSize.ToString("+0.00;-0.00;0.00", _c)}")));
            return row.ToArray();
        }).ToList();
        rows.Add(new[] { "all", t.Rows.ToString(_c), "100.0%" }.Concat(t.Overall.Select(f => $"{N(f.Mean, "0.##")} · {N(f.Median, "0.##")} · sd {N(f.OverallStd, "0.##")}")).Append(string.Empty).ToArray());
        var left = headers.Select((_, j) => j == 0 || j == headers.Count - 1).ToArray();
        return new TableData("Segment profiles (original units)", headers.ToArray(), rows, left, t.Warnings.Count > 0 ? string.Join(" ", t.Warnings) : null);
    }

    public static TableData Rule(RuleCheckResult r) => new(
        $"Rule: {r.Rule} → higher {r.Target}",
        ["group", "customers", "mean", "median"],
        [
            ["meets the rule", r.Matching.Size.ToString(_c), N(r.Matching.Mean, "0.###"), N(r.Matching.Median, "0.###")],
            ["others", r.Others.Size.ToString(_c), N(r.Others.Mean, "0.###"), N(r.Others.Median, "0.###")],
        ],
        [true, false, false, false],
        r.Summary);

    public static TableData Missing(IEnumerable<MissingValues> m) => new(
        "Missing values",
        ["column", "missing", "percent"],
        m.Select(x => new string?[] { x.Column, x.Missing.ToString(_c), N(x.Percent, "0.00") + "%" }).ToList(),
        [true, false, false]);

    public static TableData Counts(IEnumerable<ValueCount> v) => new(
        "Value counts",
        ["value", "count", "share"],
        v.Select(x => new[] { x.Value, x.Count.ToString(_c), N(x.Share * 100, "0.0") + "%" }).ToList(),
        [true, false, false]);

    public static TableData Outliers(IEnumerable<IqrOutliers> o) => new(
        "IQR outliers",
        ["column", "Q1", "Q3", "IQR", "lower fence", "upper fence", "outliers"],
        o.Select(x => new[] { x.Column, N(x.Q1), N(x.Q3), N(x.Iqr), N(x.Lower), N(x.Upper), x.Count.ToString(_c) }).ToList(),
        [true, false, false, false, false, false, false]);

    public static TableData Bins(Histogram h) => new(
        $"Histogram of {h.Column} ({h.Counts.Count.ToString(_c)} bins, {h.Rule})",
        ["from", "to", "count"],
        Enumerable.Range(0, h.Counts.Count).Select(i => new[] { N(h.Edges[i]), N(h.Edges[i + 1]), h.Counts[i].ToString(_c) }).ToList(),
        [false, false, false]);

    public static TableData Names(IEnumerable<SegmentName> names) => new(
        "Segment names",
        ["segment", "name", "levels", "rule", "numbers"],
        names.Select(n => new[]
        {
            n.Segment.ToString(_c),
            n.Name,
            n.LevelName,
            n.Rule,
            string.Join("; ", n.Evidence.Where(e => e.Met || e.NearMiss).Select(e => $"{e.Measure}: {N(e.SegmentMean, "0.##")} vs {N(e.OverallMean, "0.##")} ({e.StdDifference.ToString("+0.00;-0.00;0.00", _c)} SD, {e.Condition}{(e.Met ? string.Empty : ", near miss")})")),
        }).ToList(),
        [false, true, true, true, true]);

    public static TableData Clustering(SmartPulse.Analysis.Clustering.ClusteringResult r) => new(
        $"{r.Algorithm} clustering",
        ["property", "value"],
        new List<string?[]>
        {
            new[] { "parameters", string.Join(", ", r.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")) },
            new[] { "features", string.Join(", ", r.FeatureNames) },
            new[] { "clusters", r.ClusterCount.ToString(_c) },
            new[] { "sizes", string.Join(" / ", r.Sizes.Select(x => x.ToString(_c))) },
            new[] { "noise rows", r.NoiseCount.ToString(_c) },
            new[] { "inertia", N(r.Inertia, "0.###") },
        },
        [true, true],
        r.Warnings.Count > 0 ? string.Join(" ", r.Warnings) : null);

    public static TableData Comparison(IEnumerable<SmartPulse.Analysis.Evaluation.ComparisonRow> rows) => new(
        "Clusterings compared",
        ["algorithm", "parameters", "clusters", "noise", "silhouette", "Calinski–Harabasz", "Davies–Bouldin", "inertia", "ARI vs first"],
        rows.Select(r => new[]
        {
            r.Algorithm,
            r.Parameters,
            r.Scores.ClusterCount.ToString(_c),
            r.Scores.NoiseCount.ToString(_c),
            N(r.Scores.Silhouette, "0.0000"),
            N(r.Scores.CalinskiHarabasz, "0.00"),
            N(r.Scores.DaviesBouldin, "0.0000"),
            N(r.Scores.Inertia, "0.###"),
            N(r.AriToReference, "0.000"),
        }).ToList<string?[]>(),
        [true, true, false, false, false, false, false, false, false],
        "Silhouette and Calinski–Harabasz: higher is better; Davies–Bouldin: lower is better; metrics leave noise rows out. ARI: agreement with the first clustering (1 = same segments).");

    private static string Marks(KSweepResult r, int k)
    {
        var marks = new List<string>();
        if (k == r.RecommendedK)
        {
            marks.Add("recommended");
        }

        if (k == r.ElbowK)
        {
            marks.Add("elbow");
        }

        if (k == r.BestSilhouetteK)
        {
            marks.Add("best silhouette");
        }

        return marks.Count > 0 ? " (" + string.Join(", ", marks) + ")" : string.Empty;
    }
}
