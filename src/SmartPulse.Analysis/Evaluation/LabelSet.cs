namespace SmartPulse.Analysis.Evaluation;

/// <summary>
/// Labels re-encoded to dense codes 0..<see cref="Count"/>-1 in ascending order of the original label
/// (like scikit-learn's <c>LabelEncoder</c>), with the size of each class.
/// </summary>
internal sealed class LabelSet
{
    private LabelSet(int[] codes, int[] distinct, int[] sizes)
    {
        Codes = codes;
        Distinct = distinct;
        Sizes = sizes;
    }

    /// <summary>Dense code per row.</summary>
    public int[] Codes { get; }

    /// <summary>Original label of each code, ascending.</summary>
    public int[] Distinct { get; }

    /// <summary>Rows per code.</summary>
    public int[] Sizes { get; }

    /// <summary>Number of distinct labels.</summary>
    public int Count => Distinct.Length;

    public static LabelSet Encode(IReadOnlyList<int> labels, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(labels, parameterName);
        var distinct = labels.Distinct().Order().ToArray();
        var map = new Dictionary<int, int>(distinct.Length);
        for (var i = 0; i < distinct.Length; i++)
        {
            map[distinct[i]] = i;
        }

        var codes = new int[labels.Count];
        var sizes = new int[distinct.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            var c = map[labels[i]];
            codes[i] = c;
            sizes[c]++;
        }

        return new LabelSet(codes, distinct, sizes);
    }

    /// <summary>Checks that the labels match the data's row count.</summary>
    public static void CheckLength(Features.FeatureMatrix data, IReadOnlyList<int> labels, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(labels, parameterName);
        if (labels.Count != data.Rows)
        {
            throw new ArgumentException(
                $"{parameterName} has {labels.Count} labels but the data has {data.Rows} rows; pass one label per row.",
                parameterName);
        }
    }

    /// <summary>Per-code means of the rows (k × d, row-major).</summary>
    public double[] Centroids(Features.FeatureMatrix data)
    {
        var d = data.Columns;
        var sums = new double[Count * d];
        var values = data.Values;
        for (var i = 0; i < data.Rows; i++)
        {
            var row = values.Slice(i * d, d);
            var target = sums.AsSpan(Codes[i] * d, d);
            for (var j = 0; j < d; j++)
            {
                target[j] += row[j];
            }
        }

        for (var c = 0; c < Count; c++)
        {
            var target = sums.AsSpan(c * d, d);
            for (var j = 0; j < d; j++)
            {
                target[j] /= Sizes[c];
            }
        }

        return sums;
    }
}
