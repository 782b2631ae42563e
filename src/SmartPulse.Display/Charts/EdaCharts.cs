using System.Globalization;
using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Exploration;
using SmartPulse.Text;
using static SmartPulse.Display.Charts.PlotlyBuild;

namespace SmartPulse.Display.Charts;

/// <summary>Exploration charts: histograms of EDA bins and the correlation heatmap.</summary>
public static class EdaCharts
{
    private static readonly CultureInfo _c = CultureInfo.InvariantCulture;

    /// <summary>
    /// The bins of <see cref="Eda.Histogram"/> as bars (bar i spans [Edges[i], Edges[i+1])), with the binning rule in the title.
    /// </summary>
    /// <param name="histogram">The bins.</param>
    /// <param name="axisTitle">X axis title with unit (default: the column name).</param>
    /// <param name="title">Chart title.</param>
    public static SmartChart Histogram(Histogram histogram, string? axisTitle = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var bins = histogram.Counts.Count;
        var mids = Enumerable.Range(0, bins).Select(i => (histogram.Edges[i] + histogram.Edges[i + 1]) / 2).ToArray();
        var widths = Enumerable.Range(0, bins).Select(i => histogram.Edges[i + 1] - histogram.Edges[i]).ToArray();
        var hover = Enumerable.Range(0, bins)
            .Select(i => $"[{histogram.Edges[i].ToString("G6", _c)}, {histogram.Edges[i + 1].ToString("G6", _c)}{(i == bins - 1 ? "]" : ")")}: {histogram.Counts[i].ToString(_c)}")
            .ToArray();
        var trace = Trace2D(
            "bar",
            ("x", Nums(mids)),
            ("y", histogram.Counts.ToArray()),
            ("width", Nums(widths)),
            ("hovertext", hover),
            ("hoverinfo", "text"),
            ("marker", Obj(("color", "#4e79a7"), ("line", Obj(("color", "#ffffff"), ("width", 1))))));
        var name = axisTitle ?? histogram.Column;
        return Chart(
            [trace],
            title ?? $"Distribution of {name} ({bins.ToString(_c)} bins, {histogram.Rule})",
            Obj(("xaxis", Axis(name)), ("yaxis", Axis("Customers")), ("bargap", 0), ("showlegend", false)));
    }

    /// <summary>A histogram of one frame column (bins by <see cref="Eda.Histogram"/>), titled with the dataset's label and unit.</summary>
    /// <param name="frame">The data.</param>
    /// <param name="column">A numeric column.</param>
    /// <param name="dataset">Dataset schema for the axis title.</param>
    /// <param name="bins">Bin count; null lets <see cref="Eda.Histogram"/> choose.</param>
    public static SmartChart Histogram(DataFrame frame, string column, DatasetDescriptor? dataset = null, int? bins = null) =>
        Histogram(Eda.Histogram(frame, column, bins), AxisTitle(dataset, column));

    /// <summary>
    /// The correlation matrix as a heatmap on a diverging scale fixed to [−1, 1] (blue negative, red positive), each
    /// cell labelled with its value.
    /// </summary>
    /// <param name="matrix">The matrix from <see cref="Eda.Correlation"/>.</param>
    /// <param name="labels">Optional display name per column (default: the column names).</param>
    /// <param name="title">Chart title.</param>
    public static SmartChart CorrelationHeatmap(CorrelationMatrix matrix, IReadOnlyList<string>? labels = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var n = matrix.Columns.Count;
        var names = (labels is { } l && l.Count == n ? l : matrix.Columns).Select(HtmlText.Encode).ToArray();
        var z = Enumerable.Range(0, n).Select(i => Nums(Enumerable.Range(0, n).Select(j => matrix[i, j]))).ToArray();
        var text = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Select(j => double.IsNaN(matrix[i, j]) ? "n/a" : matrix[i, j].ToString("0.00", _c)).ToArray()).ToArray();
        var trace = Trace2D(
            "heatmap",
            ("z", z),
            ("x", names),
            ("y", names),
            ("text", text),
            ("texttemplate", "%{text}"),
            ("zmin", -1.0),
            ("zmax", 1.0),
            ("colorscale", "RdBu"),
            ("colorbar", Obj(("title", Obj(("text", matrix.Method.ToString()))))));
        var height = Math.Max(420, 60 + (n * 40));
        return Chart(
            [trace],
            title ?? $"{matrix.Method} correlation",
            Obj(("yaxis", Axis(null, ("autorange", "reversed"))), ("xaxis", Axis(null, ("tickangle", -35)))),
            height);
    }
}
