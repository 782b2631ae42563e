using SmartPulse.Analysis.Exploration;

namespace SmartPulse.Analysis.Insights;

/// <summary>Per-row values of one measure summarised per segment and overall (present values only).</summary>
internal sealed class MeasureStats
{
    public MeasureStats(string measure, string column, double?[] values, IReadOnlyList<int> labels, IReadOnlyList<int> segments)
    {
        Measure = measure;
        Column = column;
        var all = new List<double>();
        var per = segments.ToDictionary(s => s, _ => new List<double>());
        for (var i = 0; i < values.Length; i++)
        {
            if (labels[i] < 0 || values[i] is not { } v)
            {
                continue;
            }

            all.Add(v);
            per[labels[i]].Add(v);
        }

        OverallMean = all.Count > 0 ? Stats.Mean(all.ToArray()) : double.NaN;
        OverallStd = all.Count > 1 ? Stats.StandardDeviation(all.ToArray()) : 0;
        OverallSum = all.Sum();
        SegmentMeans = per.ToDictionary(p => p.Key, p => p.Value.Count > 0 ? Stats.Mean(p.Value.ToArray()) : double.NaN);
        SegmentSums = per.ToDictionary(p => p.Key, p => p.Value.Sum());
    }

    public string Measure { get; }

    public string Column { get; }

    public double OverallMean { get; }

    public double OverallStd { get; }

    public double OverallSum { get; }

    public IReadOnlyDictionary<int, double> SegmentMeans { get; }

    public IReadOnlyDictionary<int, double> SegmentSums { get; }

    public double Z(int segment)
    {
        var m = SegmentMeans[segment];
        return OverallStd > 0 && !double.IsNaN(m) ? (m - OverallMean) / OverallStd : 0;
    }
}
