using System.Text.Encodings.Web;
using System.Text.Json;
using SmartPulse.Analysis.Data;
using SmartPulse.Text;

namespace SmartPulse.Display.Charts;

/// <summary>Small helpers that assemble plotly.js traces and layouts (as plain data) from plain values.</summary>
internal static class PlotlyBuild
{
    private static readonly JsonSerializerOptions _json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A property bag; null values are dropped.</summary>
    public static Dictionary<string, object> Obj(params (string Key, object? Value)[] props)
    {
        var d = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (k, v) in props)
        {
            if (v is not null)
            {
                d[k] = v;
            }
        }

        return d;
    }

    /// <summary>A 2-D trace (scatter, bar, box, heatmap, …) with the given properties.</summary>
    public static Trace Trace2D(string type, params (string Key, object? Value)[] props) => Fill(new Trace(type), props);

    /// <summary>A 3-D trace (scatter3d).</summary>
    public static Trace Trace3D(string type, params (string Key, object? Value)[] props) => Fill(new Trace(type), props);

    /// <summary>A polar trace (scatterpolar).</summary>
    public static Trace TracePolar(string type, params (string Key, object? Value)[] props) => Fill(new Trace(type), props);

    /// <summary>
    /// A chart of <paramref name="traces"/> with <paramref name="layout"/> (no Plotly.NET default template), built as
    /// figure JSON directly: no Plotly.NET or FSharp.Core code runs.
    /// </summary>
    public static SmartChart Chart(IEnumerable<Trace> traces, string title, Dictionary<string, object> layout, int height = 480)
    {
        var l = new Dictionary<string, object>(StringComparer.Ordinal) { ["title"] = Obj(("text", HtmlText.Encode(title)), ("x", 0.02)) };
        foreach (var (k, v) in layout)
        {
            l[k] = v;
        }

        var figure = new Dictionary<string, object> { ["data"] = traces.ToList(), ["layout"] = l };
        return SmartChart.FromFigureJson(JsonSerializer.Serialize(figure, _json), title, height);
    }

    /// <summary>An axis with a title.</summary>
    public static Dictionary<string, object> Axis(string? title, params (string Key, object? Value)[] more) =>
        Obj(new[] { ("title", (object?)(title is null ? null : Obj(("text", HtmlText.Encode(title))))), ("automargin", (object?)true) }.Concat(more).ToArray());

    /// <summary>Values as a JSON-safe array: NaN and infinities become null.</summary>
    public static double?[] Nums(IEnumerable<double> values) => values.Select(v => double.IsFinite(v) ? v : (double?)null).ToArray();

    /// <summary>Nullable values as a JSON-safe array.</summary>
    public static double?[] Nums(IEnumerable<double?> values) => values.Select(v => v is { } x && double.IsFinite(x) ? v : null).ToArray();

    /// <summary>"Annual income (k$)" from the dataset schema, else the column name.</summary>
    public static string AxisTitle(DatasetDescriptor? dataset, string column)
    {
        var spec = dataset?.Columns.FirstOrDefault(c => c.Name == column);
        if (spec is null)
        {
            return column;
        }

        return spec.Unit is { Length: > 0 } unit && !spec.Label.Contains('(', StringComparison.Ordinal) ? $"{spec.Label} ({unit})" : spec.Label;
    }

    /// <summary>The segment ids present, ascending (noise −1 first when present).</summary>
    public static int[] Segments(IReadOnlyList<int> labels) => labels.Distinct().Order().ToArray();

    /// <summary>Checks that two sequences have equal lengths.</summary>
    public static void SameLength(int expected, int actual, string what, string parameter)
    {
        if (expected != actual)
        {
            throw new ArgumentException($"{what} has {actual} entries but {expected} were expected (one per row).", parameter);
        }
    }

    private static Trace Fill(Trace t, (string Key, object? Value)[] props)
    {
        foreach (var (k, v) in props)
        {
            if (v is not null)
            {
                t[k] = v;
            }
        }

        return t;
    }
}
