using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartPulse.Display.Charts;

/// <summary>Reading and normalising plotly figure JSON (System.Text.Json only: no Plotly.NET, no FSharp.Core).</summary>
internal static class FigureJson
{
    /// <summary>The note a figure without any finite data point carries.</summary>
    public const string NoDataNote = "No data to plot: the chart has no points (empty input or only missing/NaN values).";

    private static readonly JsonSerializerOptions _json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] _dataKeys = ["x", "y", "z", "values", "r", "lat", "lon"];

    /// <summary>
    /// <c>{"data", "layout", "config"}</c> from any figure JSON: data and layout kept (in their order), the config
    /// fixed to responsive without the logo, and a centred note added when no trace has a finite number.
    /// </summary>
    public static string Normalise(string raw)
    {
        JsonObject parsed;
        try
        {
            parsed = JsonNode.Parse(raw) as JsonObject ?? throw new ArgumentException("The figure JSON must be an object with 'data' and 'layout'.", nameof(raw));
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The figure is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}): {e.Message}", nameof(raw), e);
        }

        var data = parsed["data"]?.DeepClone() as JsonArray ?? [];
        var layout = parsed["layout"]?.DeepClone() as JsonObject ?? [];
        if (!data.OfType<JsonObject>().Any(HasFiniteNumber))
        {
            var annotations = layout["annotations"] as JsonArray ?? [];
            annotations.Add(new JsonObject
            {
                ["text"] = NoDataNote,
                ["showarrow"] = false,
                ["xref"] = "paper",
                ["yref"] = "paper",
                ["x"] = 0.5,
                ["y"] = 0.5,
                ["font"] = new JsonObject { ["size"] = 14, ["color"] = "#666666" },
            });
            layout["annotations"] = annotations;
        }

        var figure = new JsonObject
        {
            ["data"] = data,
            ["layout"] = layout,
            ["config"] = new JsonObject { ["responsive"] = true, ["displaylogo"] = false },
        };
        return figure.ToJsonString(_json);
    }

    /// <summary>The layout title as plain text, or null.</summary>
    public static string? Title(string figureJson)
    {
        var title = JsonNode.Parse(figureJson)?["layout"]?["title"];
        var text = title is JsonObject o ? o["text"] : title;
        return text is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? WebUtility.HtmlDecode(s) : null;
    }

    /// <summary>The number of traces and their distinct kinds, in order.</summary>
    public static (int Count, IReadOnlyList<string> Kinds) Traces(string figureJson)
    {
        var data = JsonNode.Parse(figureJson)?["data"] as JsonArray ?? [];
        var kinds = data.Select(t => Str(t?["type"]) ?? "scatter").Distinct(StringComparer.Ordinal).ToList();
        return (data.Count, kinds);
    }

    /// <summary>"Chart: title — plotly figure with 3 traces (scatter, bar): a, b, c; x axis: …; y axis: …."</summary>
    public static string Describe(string figureJson, string title)
    {
        var root = JsonNode.Parse(figureJson);
        var data = root?["data"] as JsonArray ?? [];
        var (count, kinds) = Traces(figureJson);
        var parts = new List<string>
        {
            $"Chart: {title} — plotly figure with {count.ToString(CultureInfo.InvariantCulture)} trace(s)" + (kinds.Count > 0 ? $" ({string.Join(", ", kinds)})" : string.Empty),
        };
        var names = data.Select(t => Str(t?["name"])).OfType<string>().Where(n => n.Length > 0).Select(WebUtility.HtmlDecode).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count > 0)
        {
            parts.Add("series: " + string.Join(", ", names.Take(8)) + (names.Count > 8 ? $", … ({names.Count.ToString(CultureInfo.InvariantCulture)} in all)" : string.Empty));
        }

        foreach (var axis in new[] { "xaxis", "yaxis" })
        {
            var t = root?["layout"]?[axis]?["title"];
            var text = Str(t is JsonObject o ? o["text"] : t);
            if (text is { Length: > 0 })
            {
                parts.Add($"{axis[0]} axis: {WebUtility.HtmlDecode(text)}");
            }
        }

        if (!data.OfType<JsonObject>().Any(HasFiniteNumber))
        {
            parts.Add("no data to plot");
        }

        return string.Join("; ", parts) + ". It draws where the notebook's scripts run (a trusted notebook); VS Code and JupyterLab's plotly renderer draw the figure itself.";
    }

    // A point draws when every coordinate array the trace has (x, y, z, …) holds a value at the same index; a matrix
    // (heatmap z) draws when it holds any number.
    private static bool HasFiniteNumber(JsonObject trace)
    {
        var arrays = _dataKeys.Select(k => trace[k] as JsonArray).OfType<JsonArray>().ToList();
        if (arrays.Count == 0)
        {
            return false;
        }

        if (arrays.Any(a => a.Any(n => n is JsonArray)))
        {
            return arrays.Any(HasNumber);
        }

        var length = arrays.Min(a => a.Count);
        return Enumerable.Range(0, length).Any(i => arrays.All(a => HasNumber([a[i]?.DeepClone()])));
    }

    private static bool HasNumber(JsonArray array) => array.Any(n => n switch
    {
        JsonArray inner => HasNumber(inner),
        JsonValue v => v.GetValueKind() == JsonValueKind.Number || (v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > 0),
        _ => false,
    });

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
