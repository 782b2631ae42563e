using System.Globalization;
using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Features;
using SmartPulse.Analysis.Insights;
using SmartPulse.Text;
using static SmartPulse.Display.Charts.PlotlyBuild;

namespace SmartPulse.Display.Charts;

/// <summary>
/// Charts of customers coloured by segment: 2-D and 3-D scatters with centroids, PCA projections, box plots per
/// segment, segment sizes and the profile radar. Every chart colours segment <c>s</c> with
/// <see cref="SegmentPalette.ColorOf"/>, so one palette keeps colours consistent across an analysis.
/// </summary>
public static class SegmentCharts
{
    /// <summary>From this many points a 2-D scatter uses WebGL (<c>scattergl</c>) so large customer sets stay responsive.</summary>
    public const int WebGlFromPoints = 5_000;

    private static readonly CultureInfo _c = CultureInfo.InvariantCulture;

    /// <summary>
    /// A 2-D scatter of customers coloured by segment, with centroids marked as outlined diamonds (WebGL from
    /// <see cref="WebGlFromPoints"/> points).
    /// </summary>
    /// <param name="x">X value per customer.</param>
    /// <param name="y">Y value per customer.</param>
    /// <param name="labels">Segment per customer (−1 = noise, grey).</param>
    /// <param name="xTitle">X axis title, with unit.</param>
    /// <param name="yTitle">Y axis title, with unit.</param>
    /// <param name="centroids">Optional centroid per segment id, (x, y) in the same units as the points.</param>
    /// <param name="palette">Colours and names (default: "Segment 0", …).</param>
    /// <param name="title">Chart title (default "yTitle vs xTitle by segment").</param>
    public static SmartChart Scatter(
        IReadOnlyList<double> x,
        IReadOnlyList<double> y,
        IReadOnlyList<int> labels,
        string xTitle,
        string yTitle,
        IReadOnlyList<IReadOnlyList<double>>? centroids = null,
        SegmentPalette? palette = null,
        string? title = null)
    {
        SameLength(x.Count, y.Count, "y", nameof(y));
        SameLength(x.Count, labels.Count, "labels", nameof(labels));
        palette ??= SegmentPalette.Default;
        var traces = new List<Trace>();
        var type = x.Count >= WebGlFromPoints ? "scattergl" : "scatter";
        foreach (var s in Segments(labels))
        {
            var idx = Enumerable.Range(0, labels.Count).Where(i => labels[i] == s).ToArray();
            traces.Add(Trace2D(
                type,
                ("name", HtmlText.Encode(palette.NameOf(s))),
                ("legendgroup", "s" + s.ToString(_c)),
                ("mode", "markers"),
                ("x", Nums(idx.Select(i => x[i]))),
                ("y", Nums(idx.Select(i => y[i]))),
                ("marker", Obj(("color", palette.ColorOf(s)), ("size", 8), ("opacity", 0.8)))));
        }

        if (centroids is not null)
        {
            traces.Add(CentroidTrace(centroids, palette, 2));
        }

        return Chart(
            traces,
            title ?? $"{yTitle} vs {xTitle} by segment",
            Obj(("xaxis", Axis(xTitle, ("zeroline", false))), ("yaxis", Axis(yTitle, ("zeroline", false))), ("legend", Obj(("title", Obj(("text", "Segment")))))));
    }

    /// <summary>A 2-D scatter of two frame columns by segment; axis titles from the dataset's display names and units.</summary>
    /// <param name="frame">Customers in original units.</param>
    /// <param name="xColumn">X column.</param>
    /// <param name="yColumn">Y column.</param>
    /// <param name="labels">Segment per row.</param>
    /// <param name="centroids">Optional centroid per segment, (x, y) in original units; null computes the segment means.</param>
    /// <param name="dataset">Dataset schema for axis titles.</param>
    /// <param name="palette">Colours and names.</param>
    /// <param name="title">Chart title.</param>
    public static SmartChart Scatter(
        DataFrame frame,
        string xColumn,
        string yColumn,
        IReadOnlyList<int> labels,
        IReadOnlyList<IReadOnlyList<double>>? centroids = null,
        DatasetDescriptor? dataset = null,
        SegmentPalette? palette = null,
        string? title = null)
    {
        var x = Column(frame, xColumn);
        var y = Column(frame, yColumn);
        centroids ??= SegmentMeans(labels, x, y);
        return Scatter(x, y, labels, AxisTitle(dataset, xColumn), AxisTitle(dataset, yColumn), centroids, palette, title);
    }

    /// <summary>A 3-D scatter of customers coloured by segment, with centroids marked.</summary>
    /// <param name="x">X per customer.</param>
    /// <param name="y">Y per customer.</param>
    /// <param name="z">Z per customer.</param>
    /// <param name="labels">Segment per customer.</param>
    /// <param name="xTitle">X axis title.</param>
    /// <param name="yTitle">Y axis title.</param>
    /// <param name="zTitle">Z axis title.</param>
    /// <param name="centroids">Optional centroid per segment (x, y, z).</param>
    /// <param name="palette">Colours and names.</param>
    /// <param name="title">Chart title.</param>
    public static SmartChart Scatter3D(
        IReadOnlyList<double> x,
        IReadOnlyList<double> y,
        IReadOnlyList<double> z,
        IReadOnlyList<int> labels,
        string xTitle,
        string yTitle,
        string zTitle,
        IReadOnlyList<IReadOnlyList<double>>? centroids = null,
        SegmentPalette? palette = null,
        string? title = null)
    {
        SameLength(x.Count, y.Count, "y", nameof(y));
        SameLength(x.Count, z.Count, "z", nameof(z));
        SameLength(x.Count, labels.Count, "labels", nameof(labels));
        palette ??= SegmentPalette.Default;
        var traces = new List<Trace>();
        foreach (var s in Segments(labels))
        {
            var idx = Enumerable.Range(0, labels.Count).Where(i => labels[i] == s).ToArray();
            traces.Add(Trace3D(
                "scatter3d",
                ("name", HtmlText.Encode(palette.NameOf(s))),
                ("legendgroup", "s" + s.ToString(_c)),
                ("mode", "markers"),
                ("x", Nums(idx.Select(i => x[i]))),
                ("y", Nums(idx.Select(i => y[i]))),
                ("z", Nums(idx.Select(i => z[i]))),
                ("marker", Obj(("color", palette.ColorOf(s)), ("size", 4), ("opacity", 0.8)))));
        }

        if (centroids is not null)
        {
            traces.Add(CentroidTrace(centroids, palette, 3));
        }

        var scene = Obj(("xaxis", Axis(xTitle)), ("yaxis", Axis(yTitle)), ("zaxis", Axis(zTitle)));
        return Chart(traces, title ?? $"{xTitle}, {yTitle} and {zTitle} by segment", Obj(("scene", scene), ("legend", Obj(("title", Obj(("text", "Segment")))))), 600);
    }

    /// <summary>A 3-D scatter of three frame columns by segment, centroids = segment means.</summary>
    /// <param name="frame">Customers in original units.</param>
    /// <param name="xColumn">X column.</param>
    /// <param name="yColumn">Y column.</param>
    /// <param name="zColumn">Z column.</param>
    /// <param name="labels">Segment per row.</param>
    /// <param name="dataset">Dataset schema for axis titles.</param>
    /// <param name="palette">Colours and names.</param>
    /// <param name="title">Chart title.</param>
    public static SmartChart Scatter3D(
        DataFrame frame,
        string xColumn,
        string yColumn,
        string zColumn,
        IReadOnlyList<int> labels,
        DatasetDescriptor? dataset = null,
        SegmentPalette? palette = null,
        string? title = null)
    {
        var x = Column(frame, xColumn);
        var y = Column(frame, yColumn);
        var z = Column(frame, zColumn);
        return Scatter3D(x, y, z, labels, AxisTitle(dataset, xColumn), AxisTitle(dataset, yColumn), AxisTitle(dataset, zColumn), SegmentMeans(labels, x, y, z), palette, title);
    }

    /// <summary>
    /// Customers on their first two or three principal components (a PCA projection), coloured by segment; axis titles
    /// carry each component's share of the variance when given.
    /// </summary>
    /// <param name="scores">The projected rows (for example <c>PcaModel.Transform(data)</c>); at least <paramref name="dimensions"/> columns.</param>
    /// <param name="labels">Segment per row.</param>
    /// <param name="explainedVarianceRatio">Share of variance per component (0–1), or null.</param>
    /// <param name="dimensions">2 or 3.</param>
    /// <param name="palette">Colours and names.</param>
    /// <param name="title">Chart title.</param>
    public static SmartChart Projection(
        FeatureMatrix scores,
        IReadOnlyList<int> labels,
        IReadOnlyList<double>? explainedVarianceRatio = null,
        int dimensions = 2,
        SegmentPalette? palette = null,
        string? title = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (dimensions is not (2 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, "dimensions must be 2 or 3.");
        }

        if (scores.Columns < dimensions)
        {
            throw new ArgumentException($"scores has {scores.Columns} components ({string.Join(", ", scores.ColumnNames)}); a {dimensions}-D projection needs {dimensions}.", nameof(scores));
        }

        string AxisName(int j) => explainedVarianceRatio is { } r && j < r.Count
            ? $"{scores.ColumnNames[j]} ({(r[j] * 100).ToString("0.0", _c)}% of variance)"
            : scores.ColumnNames[j];
        var cols = Enumerable.Range(0, dimensions).Select(scores.Column).ToArray();
        var centroids = dimensions == 2 ? SegmentMeans(labels, cols[0], cols[1]) : SegmentMeans(labels, cols[0], cols[1], cols[2]);
        var t = title ?? $"PCA projection ({dimensions}-D) by segment";
        return dimensions == 2
            ? Scatter(cols[0], cols[1], labels, AxisName(0), AxisName(1), centroids, palette, t)
            : Scatter3D(cols[0], cols[1], cols[2], labels, AxisName(0), AxisName(1), AxisName(2), centroids, palette, t);
    }

    /// <summary>Box plots of one feature per segment (median, quartiles, 1.5·IQR whiskers, outliers), missing values skipped.</summary>
    /// <param name="values">Value per customer; null = missing.</param>
    /// <param name="labels">Segment per customer.</param>
    /// <param name="valueTitle">Axis title with unit.</param>
    /// <param name="palette">Colours and names.</param>
    /// <param name="title">Chart title.</param>
    public static SmartChart Box(IReadOnlyList<double?> values, IReadOnlyList<int> labels, string valueTitle, SegmentPalette? palette = null, string? title = null)
    {
        SameLength(values.Count, labels.Count, "labels", nameof(labels));
        palette ??= SegmentPalette.Default;
        var traces = Segments(labels).Select(s =>
        {
            var v = Enumerable.Range(0, labels.Count).Where(i => labels[i] == s && values[i] is { } x && double.IsFinite(x)).Select(i => values[i]!.Value).ToArray();
            return Trace2D(
                "box",
                ("name", HtmlText.Encode(palette.NameOf(s))),
                ("y", v),
                ("boxpoints", "outliers"),
                ("marker", Obj(("color", palette.ColorOf(s)))),
                ("line", Obj(("color", palette.ColorOf(s)))));
        });
        return Chart(traces, title ?? $"{valueTitle} by segment", Obj(("yaxis", Axis(valueTitle)), ("xaxis", Axis("Segment")), ("showlegend", false)));
    }

    /// <summary>Box plots of a frame column per segment.</summary>
    /// <param name="frame">Customers in original units.</param>
    /// <param name="column">The feature.</param>
    /// <param name="labels">Segment per row.</param>
    /// <param name="dataset">Dataset schema for the axis title.</param>
    /// <param name="palette">Colours and names.</param>
    public static SmartChart Box(DataFrame frame, string column, IReadOnlyList<int> labels, DatasetDescriptor? dataset = null, SegmentPalette? palette = null) =>
        Box(FrameColumns.Numeric(Get(frame, column)), labels, AxisTitle(dataset, column), palette);

    /// <summary>Customers per segment as bars, labelled with count and share.</summary>
    /// <param name="labels">Segment per customer (noise counted as its own bar).</param>
    /// <param name="palette">Colours and names.</param>
    /// <param name="title">Chart title.</param>
    public static SmartChart Sizes(IReadOnlyList<int> labels, SegmentPalette? palette = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        palette ??= SegmentPalette.Default;
        var segs = Segments(labels);
        var counts = segs.Select(s => labels.Count(l => l == s)).ToArray();
        var total = (double)labels.Count;
        var trace = Trace2D(
            "bar",
            ("x", segs.Select(s => HtmlText.Encode(palette.NameOf(s))).ToArray()),
            ("y", counts),
            ("text", counts.Select(c => $"{c.ToString(_c)} ({(c / total * 100).ToString("0.0", _c)}%)").ToArray()),
            ("textposition", "outside"),
            ("marker", Obj(("color", segs.Select(palette.ColorOf).ToArray()))));
        return Chart([trace], title ?? "Customers per segment", Obj(("xaxis", Axis("Segment")), ("yaxis", Axis("Customers")), ("showlegend", false)));
    }

    /// <summary>Segment sizes from a profile table.</summary>
    /// <param name="table">The profile.</param>
    /// <param name="palette">Colours and names.</param>
    public static SmartChart Sizes(SegmentProfileTable table, SegmentPalette? palette = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var labels = table.Segments.SelectMany(s => Enumerable.Repeat(s.Segment, (int)s.Size)).ToArray();
        return Sizes(labels, palette);
    }

    /// <summary>
    /// The profile chart: a radar with one closed line per segment of each feature's distance from the overall mean in
    /// SDs (<see cref="FeatureProfile.StdDifference"/>), so features in different units share one scale.
    /// </summary>
    /// <param name="table">The profile.</param>
    /// <param name="palette">Colours and names.</param>
    /// <param name="title">Chart title.</param>
    public static SmartChart ProfileRadar(SegmentProfileTable table, SegmentPalette? palette = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        palette ??= SegmentPalette.Default;
        var theta = table.Features.Select(f => HtmlText.Encode(table.Label(f))).ToList();
        theta.Add(theta[0]);
        var max = Math.Max(0.5, table.Segments.SelectMany(s => s.Features).Select(f => Math.Abs(f.StdDifference)).DefaultIfEmpty(0).Max());
        var traces = table.Segments.Select(s =>
        {
            var r = s.Features.Select(f => f.StdDifference).ToList();
            r.Add(r[0]);
            return TracePolar(
                "scatterpolar",
                ("name", HtmlText.Encode(palette.NameOf(s.Segment))),
                ("mode", "lines+markers"),
                ("r", Nums(r)),
                ("theta", theta.ToArray()),
                ("line", Obj(("color", palette.ColorOf(s.Segment)))),
                ("marker", Obj(("color", palette.ColorOf(s.Segment)))));
        });
        var polar = Obj(("radialaxis", Obj(("range", new[] { -Math.Ceiling(max * 2) / 2, Math.Ceiling(max * 2) / 2 }), ("angle", 90), ("tickangle", 90))));
        return Chart(traces, title ?? "Segment profiles (difference from the overall mean, in SDs)", Obj(("polar", polar), ("legend", Obj(("title", Obj(("text", "Segment")))))), 560);
    }

    internal static double[] Column(DataFrame frame, string column)
    {
        var values = FrameColumns.Numeric(Get(frame, column));
        return values.Select(v => v ?? double.NaN).ToArray();
    }

    private static DataFrameColumn Get(DataFrame frame, string column)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var names = frame.Columns.Select(c => c.Name).ToArray();
        if (!names.Contains(column))
        {
            throw new ArgumentException($"Column '{column}' is not in the frame. Columns: {string.Join(", ", names)}.", nameof(column));
        }

        var col = FrameColumns.Get(frame, column);
        return FrameColumns.IsNumeric(col) ? col : throw new ArgumentException($"Column '{column}' is {col.DataType.Name}; charts need a numeric column.", nameof(column));
    }

    private static IReadOnlyList<IReadOnlyList<double>> SegmentMeans(IReadOnlyList<int> labels, params double[][] columns)
    {
        var k = labels.Count == 0 ? 0 : labels.Max() + 1;
        var result = new IReadOnlyList<double>[k];
        for (var s = 0; s < k; s++)
        {
            var ss = s;
            result[s] = columns.Select(col => Enumerable.Range(0, labels.Count).Where(i => labels[i] == ss && double.IsFinite(col[i])).Select(i => col[i]).DefaultIfEmpty(double.NaN).Average()).ToArray();
        }

        return result;
    }

    private static Trace CentroidTrace(IReadOnlyList<IReadOnlyList<double>> centroids, SegmentPalette palette, int dims)
    {
        var colors = Enumerable.Range(0, centroids.Count).Select(palette.ColorOf).ToArray();
        var names = Enumerable.Range(0, centroids.Count).Select(s => HtmlText.Encode(palette.NameOf(s))).ToArray();
        var marker = Obj(("color", colors), ("symbol", "diamond"), ("size", dims == 2 ? 16 : 8), ("line", Obj(("color", "#222222"), ("width", 2))));
        var common = new (string, object?)[]
        {
            ("name", "Centroids"),
            ("mode", "markers"),
            ("x", Nums(centroids.Select(c => c.Count > 0 ? c[0] : double.NaN))),
            ("y", Nums(centroids.Select(c => c.Count > 1 ? c[1] : double.NaN))),
            ("text", names),
            ("hovertemplate", "centroid: %{text}<extra></extra>"),
            ("marker", marker),
        };
        return dims == 2
            ? Trace2D("scatter", common)
            : Trace3D("scatter3d", common.Append(("z", Nums(centroids.Select(c => c.Count > 2 ? c[2] : double.NaN)))).ToArray());
    }
}
