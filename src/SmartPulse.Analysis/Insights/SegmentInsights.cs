using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Exploration;

namespace SmartPulse.Analysis.Insights;

/// <summary>
/// Turns cluster labels into what a marketer reads: segment profiles in original units, data-driven names and
/// narratives (as data, rendered by SmartPulse.Display). Input is the customer frame in original units plus one label per row (−1 = noise, left out),
/// so it works with any clustering and any preparation pipeline.
/// </summary>
public static class SegmentInsights
{
    /// <summary>
    /// Profiles each segment: size, share, mean and median of every feature, the distance of the segment mean from the
    /// overall mean in overall SDs, and the top distinguishing features by Cohen's d (segment vs the rest).
    /// Missing values are skipped per feature.
    /// </summary>
    /// <param name="frame">Customers in original units.</param>
    /// <param name="labels">Segment id per row (0..k−1; −1 = noise, excluded).</param>
    /// <param name="options">Features, number of top features, dataset (for labels and units).</param>
    /// <exception cref="ArgumentException">Label count differs from the rows, a feature is missing or not numeric, or no row is labelled.</exception>
    public static SegmentProfileTable Profile(DataFrame frame, IReadOnlyList<int> labels, ProfileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(labels);
        options ??= new ProfileOptions();
        options.Validate();
        CheckLabels(frame, labels);
        var features = ResolveFeatures(frame, options);
        var segments = labels.Where(l => l >= 0).Distinct().Order().ToArray();
        var noise = labels.LongCount(l => l == -1);
        var rows = labels.Count - noise;
        var warnings = new List<string>();
        if (noise > 0)
        {
            warnings.Add($"{noise} noise rows (label −1) are left out of the profile.");
        }

        var overall = new List<FeatureProfile>();
        var perSegment = segments.ToDictionary(s => s, _ => new List<FeatureProfile>());
        foreach (var name in features)
        {
            var values = FrameColumns.Numeric(FrameColumns.Get(frame, name));
            var all = new List<double>();
            var inSeg = segments.ToDictionary(s => s, _ => new List<double>());
            for (var i = 0; i < values.Length; i++)
            {
                if (labels[i] < 0 || values[i] is not { } v)
                {
                    continue;
                }

                all.Add(v);
                inSeg[labels[i]].Add(v);
            }

            if (all.Count < rows)
            {
                warnings.Add($"'{name}' is missing in {rows - all.Count} profiled rows; its statistics use the {all.Count} present values.");
            }

            var allArr = all.ToArray();
            var mean = allArr.Length > 0 ? Stats.Mean(allArr) : double.NaN;
            var std = allArr.Length > 1 ? Stats.StandardDeviation(allArr) : 0;
            if (std == 0)
            {
                warnings.Add($"'{name}' is constant over the profiled rows; its SD differences and effect sizes are 0.");
            }

            overall.Add(new FeatureProfile(name, allArr.Length, mean, allArr.Length > 0 ? Stats.Median(allArr) : double.NaN, mean, std, 0, 0));
            var totalSum = allArr.Sum();
            var totalSq = allArr.Sum(x => (x - mean) * (x - mean));
            foreach (var s in segments)
            {
                var seg = inSeg[s].ToArray();
                var n1 = seg.Length;
                var m1 = n1 > 0 ? Stats.Mean(seg) : double.NaN;
                var med = n1 > 0 ? Stats.Median(seg) : double.NaN;
                var z = std > 0 && n1 > 0 ? (m1 - mean) / std : 0;
                var d = EffectSize(seg, allArr, name, s, warnings);
                perSegment[s].Add(new FeatureProfile(name, n1, m1, med, mean, std, z, d));
            }
        }

        var profiles = segments.Select(s =>
        {
            var size = labels.LongCount(l => l == s);
            var feats = perSegment[s];
            var top = feats
                .Select((f, j) => (f, j))
                .OrderByDescending(t => Math.Abs(t.f.EffectSize))
                .ThenBy(t => t.j)
                .Take(options.TopFeatures)
                .Select(t => t.f)
                .ToArray();
            return new SegmentProfile(s, size, rows > 0 ? (double)size / rows : 0, feats, top);
        }).ToArray();

        return new SegmentProfileTable(features, rows, noise, overall, profiles, options.Dataset, warnings);
    }

    /// <summary>
    /// Names every segment from the numbers by the rules of <see cref="NamingOptions"/>: a persona (see
    /// <see cref="Persona"/>) when the options name the recency and purchase columns and a persona rule holds, else the income and spending
    /// levels ("High income · Low spending"). Each name carries its rule and the comparisons behind it.
    /// </summary>
    /// <param name="frame">Customers in original units.</param>
    /// <param name="labels">Segment id per row (−1 = noise, excluded).</param>
    /// <param name="options">Thresholds and columns.</param>
    /// <exception cref="ArgumentException">Label count differs from the rows, or a named column is missing.</exception>
    public static IReadOnlyList<SegmentName> Name(DataFrame frame, IReadOnlyList<int> labels, NamingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(labels);
        options ??= new NamingOptions();
        options.Validate();
        CheckLabels(frame, labels);
        return SegmentNamer.Name(frame, labels, options);
    }

    /// <summary>
    /// Profiles, names and narrates a clustering in one call: a narrative per segment (size, share, what
    /// distinguishes it, why it got its name, a recommendation for its persona) and an overall summary (how many
    /// segments, the silhouette read in words, where the value is).
    /// </summary>
    /// <param name="frame">Customers in original units.</param>
    /// <param name="labels">Segment id per row (−1 = noise, excluded).</param>
    /// <param name="silhouette">Mean silhouette of the clustering (from the evaluation step), if computed.</param>
    /// <param name="profileOptions">Profile options.</param>
    /// <param name="namingOptions">Naming options.</param>
    public static SegmentInsightReport Analyze(
        DataFrame frame,
        IReadOnlyList<int> labels,
        double? silhouette = null,
        ProfileOptions? profileOptions = null,
        NamingOptions? namingOptions = null)
    {
        if (silhouette is { } s && (double.IsNaN(s) || s < -1 || s > 1))
        {
            throw new ArgumentOutOfRangeException(nameof(silhouette), s, $"silhouette is {s}; a mean silhouette lies in [−1, 1].");
        }

        var profile = Profile(frame, labels, profileOptions);
        var names = Name(frame, labels, namingOptions);
        var spend = SegmentNamer.SpendMeasure(frame, labels, namingOptions ?? new NamingOptions(), profile.Segments.Select(p => p.Segment).ToArray());
        var narratives = profile.Segments.Select(p => NarrativeWriter.Segment(profile, p, names.First(n => n.Segment == p.Segment))).ToArray();
        var summary = NarrativeWriter.Summary(profile, names, silhouette, spend, profileOptions?.Dataset);
        return new SegmentInsightReport(profile, names, narratives, summary, silhouette);
    }

    /// <summary>
    /// A narrative (data: heading, paragraphs, a two-row table) of a rule check (see <see cref="Eda.CheckRule"/>): whether the data supports the rule, the
    /// two groups' sizes, means and medians, the difference and the rows skipped. Descriptive, not a significance test.
    /// </summary>
    /// <param name="result">The rule check.</param>
    public static Narrative Narrate(RuleCheckResult result) => NarrativeWriter.RuleCheck(result);

    private static void CheckLabels(DataFrame frame, IReadOnlyList<int> labels)
    {
        if (labels.Count != frame.Rows.Count)
        {
            throw new ArgumentException($"labels has {labels.Count} entries but the frame has {frame.Rows.Count} rows; pass one label per row.", nameof(labels));
        }

        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] < -1)
            {
                throw new ArgumentException($"Label {labels[i]} at row {i} is invalid: labels are 0..k−1, or −1 for noise.", nameof(labels));
            }
        }

        if (labels.All(l => l == -1))
        {
            throw new ArgumentException("Every row is labelled −1 (noise); there is no segment to profile.", nameof(labels));
        }
    }

    private static IReadOnlyList<string> ResolveFeatures(DataFrame frame, ProfileOptions options)
    {
        var names = frame.Columns.Select(c => c.Name).ToArray();
        if (options.Features is { } requested)
        {
            foreach (var f in requested)
            {
                if (!names.Contains(f))
                {
                    throw new ArgumentException($"Feature '{f}' is not a column of the frame. Columns: {string.Join(", ", names)}.", nameof(options));
                }

                if (!FrameColumns.IsNumeric(FrameColumns.Get(frame, f)))
                {
                    throw new ArgumentException($"Feature '{f}' is not numeric ({FrameColumns.Get(frame, f).DataType.Name}); profile numeric columns only.", nameof(options));
                }
            }

            return requested.ToArray();
        }

        var id = options.Dataset?.IdColumn;
        var chosen = frame.Columns
            .Where(c => FrameColumns.IsNumeric(c))
            .Select(c => c.Name)
            .Where(n => n != id && n != "ID" && !n.EndsWith("ID", StringComparison.Ordinal) && !n.EndsWith("Id", StringComparison.Ordinal))
            .ToArray();
        if (chosen.Length == 0)
        {
            throw new ArgumentException($"The frame has no numeric column to profile. Columns: {string.Join(", ", names)}.", nameof(frame));
        }

        return chosen;
    }

    private static double EffectSize(double[] seg, double[] all, string name, int segment, List<string> warnings)
    {
        var n1 = seg.Length;
        var n2 = all.Length - n1;
        if (n1 == 0 || n2 == 0)
        {
            return 0;
        }

        // The rest = all minus the segment: its sum and sum of squares come from the totals.
        var sum1 = seg.Sum();
        var sumAll = all.Sum();
        var m1 = sum1 / n1;
        var m2 = (sumAll - sum1) / n2;
        var ss1 = seg.Sum(x => (x - m1) * (x - m1));
        var ssAll = all.Sum(x => (x - m2) * (x - m2));
        var ssRestAroundM2 = ssAll - seg.Sum(x => (x - m2) * (x - m2));
        var dof = n1 + n2 - 2;
        if (dof <= 0)
        {
            return 0;
        }

        var pooled = Math.Sqrt(Math.Max(0, ss1 + ssRestAroundM2) / dof);
        if (pooled == 0)
        {
            if (m1 == m2)
            {
                return 0;
            }

            warnings.Add($"Segment {segment}: '{name}' is constant within the segment and within the rest but differs between them; its effect size is infinite.");
            return m1 > m2 ? double.PositiveInfinity : double.NegativeInfinity;
        }

        return (m1 - m2) / pooled;
    }
}
