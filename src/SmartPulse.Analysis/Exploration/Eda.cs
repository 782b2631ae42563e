using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Data;

namespace SmartPulse.Analysis.Exploration;

/// <summary>
/// Exploratory data analysis over a <see cref="DataFrame"/>, as extension members in the style of pandas:
/// <c>df.Describe()</c>, <c>df.Missing()</c>, <c>df.ValueCounts("Genre")</c>, <c>df.Correlation(...)</c>,
/// <c>df.SummarizeBy("Genre", "Age")</c>, <c>df.IqrOutliers()</c>, <c>df.Histogram("Age")</c>, <c>df.CheckRule(...)</c>.
/// Every routine returns data (records or frames), never printed text; missing values are skipped and counted, never
/// treated as 0. The static helpers below work on a single column or sample.
/// </summary>
public static class Eda
{
    /// <summary>Describes one numeric sample (present values): see <see cref="NumericSummary"/>.</summary>
    public static NumericSummary DescribeNumeric(string name, ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return new NumericSummary(name, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        return new NumericSummary(
            name,
            sorted.Length,
            Stats.Mean(values),
            Stats.StandardDeviation(values, ddof: 1),
            sorted[0],
            Stats.QuantileSorted(sorted, 0.25),
            Stats.QuantileSorted(sorted, 0.5),
            Stats.QuantileSorted(sorted, 0.75),
            sorted[^1]);
    }

    /// <summary>Value counts of a column, most frequent first; ties keep first-appearance order.</summary>
    /// <param name="column">The column.</param>
    /// <param name="includeMissing">Count missing cells as a <c>null</c> value (default: leave them out).</param>
    public static IReadOnlyList<ValueCount> ValueCounts(DataFrameColumn column, bool includeMissing = false)
    {
        ArgumentNullException.ThrowIfNull(column);
        var counts = new Dictionary<string, (long Count, int First)>(StringComparer.Ordinal);
        long missing = 0;
        var text = FrameColumns.Text(column);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is { } v)
            {
                counts[v] = counts.TryGetValue(v, out var e) ? (e.Count + 1, e.First) : (1, i);
            }
            else
            {
                missing++;
            }
        }

        var total = counts.Values.Sum(e => e.Count) + (includeMissing ? missing : 0);
        var result = counts
            .OrderByDescending(kv => kv.Value.Count)
            .ThenBy(kv => kv.Value.First)
            .Select(kv => new ValueCount(kv.Key, kv.Value.Count, (double)kv.Value.Count / total))
            .ToList();
        if (includeMissing && missing > 0)
        {
            var at = result.FindIndex(r => r.Count < missing);
            result.Insert(at < 0 ? result.Count : at, new ValueCount(null, missing, (double)missing / total));
        }

        return result;
    }

    /// <summary>Histogram of raw values; see <see cref="Histogram(DataFrame, string, int?, int)"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> or <paramref name="maxBins"/> is below 1.</exception>
    public static Histogram HistogramOf(string name, ReadOnlySpan<double> values, int? bins = null, int maxBins = 100)
    {
        if (bins is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(bins), bins, "bins must be at least 1, or null to choose by the Freedman–Diaconis rule.");
        }

        if (maxBins < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBins), maxBins, "maxBins must be at least 1.");
        }

        if (values.IsEmpty)
        {
            return new Histogram(name, [], [], "empty: no present values");
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        double min = sorted[0], max = sorted[^1];
        string rule;
        int count;
        if (bins is { } fixedBins)
        {
            count = fixedBins;
            rule = "fixed";
        }
        else
        {
            var iqr = Stats.QuantileSorted(sorted, 0.75) - Stats.QuantileSorted(sorted, 0.25);
            var n = sorted.Length;
            if (iqr > 0 && max > min)
            {
                var h = 2 * iqr * Math.Pow(n, -1.0 / 3);
                count = Math.Clamp((int)Math.Ceiling((max - min) / h), 1, maxBins);
                rule = "Freedman–Diaconis";
            }
            else
            {
                count = Math.Clamp((int)Math.Ceiling(Math.Log2(n)) + 1, 1, maxBins);
                rule = "Sturges (IQR is 0)";
            }
        }

        if (max == min)
        {
            // NumPy widens a degenerate range by ±0.5.
            min -= 0.5;
            max += 0.5;
        }

        var edges = new double[count + 1];
        for (var i = 0; i <= count; i++)
        {
            edges[i] = min + ((max - min) * i / count);
        }

        var counts = new long[count];
        foreach (var v in sorted)
        {
            var bin = (int)((v - min) / (max - min) * count);
            counts[Math.Clamp(bin, 0, count - 1)]++;
        }

        return new Histogram(name, edges, counts, rule);
    }

    extension(DataFrame frame)
    {
        /// <summary>
        /// pandas' <c>describe()</c>: numeric columns get count, mean, std (ddof = 1), min, quartiles (linear
        /// interpolation) and max; text and date columns get count, unique, top, freq. <c>df.Describe()</c> describes every
        /// column; <c>df.Describe("Age", "Income")</c> only those, in that order (pandas' <c>df[cols].describe()</c>).
        /// </summary>
        /// <param name="columns">The columns to describe; none = every column.</param>
        /// <exception cref="ArgumentException">A named column does not exist (the message lists the columns there are).</exception>
        public DescribeResult Describe(params string[] columns)
        {
            ArgumentNullException.ThrowIfNull(frame);
            ArgumentNullException.ThrowIfNull(columns);
            var numeric = new List<NumericSummary>();
            var categorical = new List<CategoricalSummary>();
            var selected = columns.Length == 0 ? frame.Columns.ToList() : columns.Select(c => FrameColumns.Get(frame, c)).ToList();
            foreach (var column in selected)
            {
                if (FrameColumns.IsNumeric(column))
                {
                    numeric.Add(DescribeNumeric(column.Name, FrameColumns.PresentNumeric(column)));
                }
                else
                {
                    var counts = Eda.ValueCounts(column);
                    var top = counts.Count > 0 ? counts[0] : null;
                    categorical.Add(new CategoricalSummary(column.Name, column.Length - column.NullCount, counts.Count, top?.Value, top?.Count ?? 0));
                }
            }

            return new DescribeResult(frame.Rows.Count, numeric, categorical);
        }

        /// <summary>Missing cells per column, in frame order: count and percent of rows.</summary>
        public IReadOnlyList<MissingValues> Missing()
        {
            ArgumentNullException.ThrowIfNull(frame);
            var rows = frame.Rows.Count;
            return frame.Columns
                .Select(c => new MissingValues(c.Name, c.NullCount, rows == 0 ? 0 : 100.0 * c.NullCount / rows))
                .ToList();
        }

        /// <summary>Value counts of the named column.</summary>
        public IReadOnlyList<ValueCount> ValueCounts(string column, bool includeMissing = false) =>
            ValueCounts(FrameColumns.Get(frame, column), includeMissing);

        /// <summary>
        /// Correlation matrix of the given numeric columns (default: all numeric columns), pairwise
        /// complete as pandas: each pair uses only rows where both are present.
        /// </summary>
        /// <exception cref="ArgumentException">A named column is missing or not numeric.</exception>
        public CorrelationMatrix Correlation(CorrelationMethod method = CorrelationMethod.Pearson, IReadOnlyList<string>? columns = null)
        {
            ArgumentNullException.ThrowIfNull(frame);
            var names = columns ?? frame.Columns.Where(FrameColumns.IsNumeric).Select(c => c.Name).ToList();
            var data = names.Select(n => FrameColumns.Numeric(FrameColumns.Get(frame, n))).ToArray();
            var k = names.Count;
            var matrix = new double[k, k];
            for (var i = 0; i < k; i++)
            {
                for (var j = i; j < k; j++)
                {
                    var xs = new List<double>();
                    var ys = new List<double>();
                    for (var r = 0; r < data[i].Length; r++)
                    {
                        if (data[i][r] is { } x && data[j][r] is { } y)
                        {
                            xs.Add(x);
                            ys.Add(y);
                        }
                    }

                    double value;
                    if (method == CorrelationMethod.Spearman)
                    {
                        value = Stats.Pearson(Stats.AverageRanks(xs.ToArray()), Stats.AverageRanks(ys.ToArray()));
                    }
                    else
                    {
                        value = Stats.Pearson(xs.ToArray(), ys.ToArray());
                    }

                    if (i == j && !double.IsNaN(value))
                    {
                        value = 1.0;
                    }

                    matrix[i, j] = value;
                    matrix[j, i] = value;
                }
            }

            return new CorrelationMatrix(method, names.ToArray(), matrix);
        }

        /// <summary>
        /// Count, mean and median of each value column per group of <paramref name="groupColumn"/> (pandas'
        /// <c>df.groupby(key)[values].agg(["count", "mean", "median"])</c>; named so as not to be confused with
        /// Microsoft.Data.Analysis' own <c>DataFrame.GroupBy</c>).
        /// </summary>
        /// <exception cref="ArgumentException">A column is missing, or a value column is not numeric.</exception>
        public GroupByResult SummarizeBy(string groupColumn, params string[] valueColumns)
        {
            ArgumentNullException.ThrowIfNull(frame);
            var keyColumn = FrameColumns.Get(frame, groupColumn);
            var keys = FrameColumns.Text(keyColumn);
            var values = valueColumns.Select(n => FrameColumns.Numeric(FrameColumns.Get(frame, n))).ToArray();
            var rowsByKey = new Dictionary<string, (List<int> Rows, object Sort)>(StringComparer.Ordinal);
            long missingKey = 0;
            for (var r = 0; r < keys.Length; r++)
            {
                if (keys[r] is not { } key)
                {
                    missingKey++;
                    continue;
                }

                if (!rowsByKey.TryGetValue(key, out var entry))
                {
                    entry = (new List<int>(), keyColumn[r]);
                    rowsByKey[key] = entry;
                }

                entry.Rows.Add(r);
            }

            var ordered = FrameColumns.IsNumeric(keyColumn)
                ? rowsByKey.OrderBy(kv => Convert.ToDouble(kv.Value.Sort, System.Globalization.CultureInfo.InvariantCulture))
                : rowsByKey.OrderBy(kv => kv.Key, StringComparer.Ordinal);
            var groups = ordered.Select(kv =>
            {
                var stats = new Dictionary<string, GroupStats>(StringComparer.Ordinal);
                for (var v = 0; v < valueColumns.Length; v++)
                {
                    var present = kv.Value.Rows.Select(r => values[v][r]).Where(x => x.HasValue).Select(x => x!.Value).ToArray();
                    stats[valueColumns[v]] = GroupStats.Of(present);
                }

                return new GroupSummary(kv.Key, kv.Value.Rows.Count, stats);
            }).ToList();
            return new GroupByResult(groupColumn, valueColumns, groups, missingKey);
        }

        /// <summary>IQR outliers of each given numeric column (default: all numeric columns), with fence multiplier <paramref name="k"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not positive.</exception>
        public IReadOnlyList<IqrOutliers> IqrOutliers(double k = 1.5, IReadOnlyList<string>? columns = null)
        {
            ArgumentNullException.ThrowIfNull(frame);
            if (!(k > 0) || double.IsInfinity(k))
            {
                throw new ArgumentOutOfRangeException(nameof(k), k, "k (the IQR fence multiplier) must be a positive number; 1.5 is Tukey's classic value, 3 flags only extreme values.");
            }

            var names = columns ?? frame.Columns.Where(FrameColumns.IsNumeric).Select(c => c.Name).ToList();
            var result = new List<IqrOutliers>();
            foreach (var name in names)
            {
                var values = FrameColumns.Numeric(FrameColumns.Get(frame, name));
                var present = values.Where(v => v.HasValue).Select(v => v!.Value).ToArray();
                Array.Sort(present);
                var q1 = Stats.QuantileSorted(present, 0.25);
                var q3 = Stats.QuantileSorted(present, 0.75);
                var lower = q1 - (k * (q3 - q1));
                var upper = q3 + (k * (q3 - q1));
                var rows = new List<long>();
                for (var r = 0; r < values.Length; r++)
                {
                    if (values[r] is { } x && (x < lower || x > upper))
                    {
                        rows.Add(r);
                    }
                }

                result.Add(new IqrOutliers(name, q1, q3, k, lower, upper, rows));
            }

            return result;
        }

        /// <summary>
        /// Histogram of a numeric column's present values. The bin count follows Freedman–Diaconis:
        /// width h = 2·IQR·n^(−1/3), bins = ⌈(max − min)/h⌉ (at most <paramref name="maxBins"/>); when the
        /// IQR is 0 it falls back to Sturges, ⌈log₂ n⌉ + 1. Pass <paramref name="bins"/> to fix the count.
        /// </summary>
        public Histogram Histogram(string column, int? bins = null, int maxBins = 100)
        {
            var values = FrameColumns.PresentNumeric(FrameColumns.Get(frame, column));
            return HistogramOf(column, values, bins, maxBins);
        }

        /// <summary>
        /// Checks a rule: compares <paramref name="target"/> in the rows meeting every condition with the
        /// other rows. Rows where a condition column or the target is missing are skipped and counted.
        /// </summary>
        /// <exception cref="ArgumentException">No condition given, or a column is missing or not numeric.</exception>
        public RuleCheckResult CheckRule(string target, params Condition[] conditions)
        {
            ArgumentNullException.ThrowIfNull(frame);
            if (conditions is null || conditions.Length == 0)
            {
                throw new ArgumentException("Give at least one condition, for example new Condition(\"Annual Income ($)\", \">\", 50000).", nameof(conditions));
            }

            var targetValues = FrameColumns.Numeric(FrameColumns.Get(frame, target));
            var conditionValues = conditions.Select(c => FrameColumns.Numeric(FrameColumns.Get(frame, c.Column))).ToArray();
            var matching = new List<double>();
            var others = new List<double>();
            long skipped = 0;
            for (var r = 0; r < targetValues.Length; r++)
            {
                if (targetValues[r] is not { } y || conditionValues.Any(v => v[r] is null))
                {
                    skipped++;
                    continue;
                }

                var meets = true;
                for (var c = 0; c < conditions.Length && meets; c++)
                {
                    meets = conditions[c].IsMetBy(conditionValues[c][r]!.Value);
                }

                (meets ? matching : others).Add(y);
            }

            static RuleGroup Group(List<double> v) =>
                new(v.Count, Stats.Mean(v.ToArray()), v.Count == 0 ? double.NaN : Stats.Median(v.ToArray()));

            return new RuleCheckResult(string.Join(" and ", conditions.Select(c => c.ToString())), target, Group(matching), Group(others), skipped);
        }
    }
}
