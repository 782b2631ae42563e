using Microsoft.Data.Analysis;

namespace SmartPulse.Analysis.Segmentation;

/// <summary>Builds the segmented table for export: the original columns of the kept rows, the model features (prefixed <c>model_</c>) and <c>Segment</c>.</summary>
public static class SegmentTable
{
    /// <summary>The column holding each row's segment (−1 = DBSCAN noise).</summary>
    public const string SegmentColumn = "Segment";

    /// <summary>The table for <paramref name="original"/> with <paramref name="prepared"/> rows and their <paramref name="segments"/>.</summary>
    public static DataFrame Build(DataFrame original, Preparation.PreparedData prepared, IReadOnlyList<int> segments, IReadOnlyList<string> modelFeatures)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(prepared);
        var rows = new Int64DataFrameColumn("row", prepared.SourceRows.Select(r => (long?)r));
        var columns = original.Columns.Select(c => c.Clone(rows)).ToList();
        foreach (var feature in modelFeatures)
        {
            var model = prepared.Frame[feature].Clone();
            model.SetName("model_" + feature);
            columns.Add(model);
        }

        columns.Add(new Int32DataFrameColumn(SegmentColumn, segments.Select(s => (int?)s)));
        return new DataFrame(columns);
    }

    /// <summary>
    /// The table for <paramref name="original"/> (every row) with the matrix a clustering was fitted on
    /// (<c>model_FEATURE</c> columns, e.g. from <c>df.ToFeatureMatrix(...)</c>) and each row's segment.
    /// </summary>
    /// <exception cref="ArgumentException">The matrix or the segments do not have one row per row of <paramref name="original"/>.</exception>
    public static DataFrame Build(DataFrame original, Features.FeatureMatrix features, IReadOnlyList<int> segments)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(segments);
        if (features.Rows != original.Rows.Count || segments.Count != original.Rows.Count)
        {
            throw new ArgumentException($"The table has {original.Rows.Count} rows but the features have {features.Rows} and the segments {segments.Count}; pass the matrix built from this table (one row per row).", nameof(features));
        }

        var columns = original.Columns.Select(c => c.Clone()).ToList();
        for (var j = 0; j < features.Columns; j++)
        {
            columns.Add(new DoubleDataFrameColumn("model_" + features.ColumnNames[j], features.Column(j)));
        }

        columns.Add(new Int32DataFrameColumn(SegmentColumn, segments.Select(s => (int?)s)));
        return new DataFrame(columns);
    }

    /// <summary>
    /// Removes the columns <c>Build</c> adds (<c>Segment</c> and <c>model_FEATURE</c> for the
    /// model's features) so a file written by <c>segment --out</c> can be scored again: the new
    /// columns replace the old ones instead of clashing with them.
    /// </summary>
    /// <param name="frame">A customer table, possibly already segmented.</param>
    /// <param name="modelFeatures">The model's feature names.</param>
    /// <returns>The table without those columns (the same instance when none was there) and the names removed.</returns>
    public static (DataFrame Frame, IReadOnlyList<string> Removed) WithoutSegmentColumns(DataFrame frame, IReadOnlyList<string> modelFeatures)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(modelFeatures);
        var added = new HashSet<string>(modelFeatures.Select(f => "model_" + f), StringComparer.Ordinal) { SegmentColumn };
        var removed = frame.Columns.Select(c => c.Name).Where(added.Contains).ToList();
        return removed.Count == 0 ? (frame, removed) : (new DataFrame(frame.Columns.Where(c => !added.Contains(c.Name))), removed);
    }
}
