using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Plotly.NET;

namespace SmartPulse.Display.Charts;

/// <summary>
/// The only place SmartPulse's own charts meet Plotly.NET: rebuilding a <see cref="GenericChart"/> from figure JSON
/// when a user asks for <see cref="SmartChart.Chart"/>. Kept apart (and not inlined) so drawing a chart never loads
/// Plotly.NET's FSharp.Core.
/// </summary>
internal static class PlotlyNetBridge
{
    /// <summary>A Plotly.NET chart with the figure's traces and layout.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static GenericChart FromFigureJson(string figureJson)
    {
        var root = JsonNode.Parse(figureJson)!;
        var traces = new List<Plotly.NET.Trace>();
        foreach (var t in (root["data"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var trace = new Trace2D(t["type"]?.GetValue<string>() ?? "scatter");
            foreach (var (k, v) in t)
            {
                if (k != "type" && v is not null)
                {
                    trace.SetProperty(k, Plain(v));
                }
            }

            traces.Add(trace);
        }

        var layout = new Layout();
        foreach (var (k, v) in root["layout"] as JsonObject ?? [])
        {
            if (v is not null)
            {
                layout.SetProperty(k, Plain(v));
            }
        }

        return GenericChart.setLayout(layout, GenericChart.ofTraceObjects(false, traces));
    }

    private static object Plain(JsonNode node) => node switch
    {
        JsonObject o => o.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => Plain(p.Value!), StringComparer.Ordinal),
        JsonArray a => a.Select(n => n is null ? null : Plain(n)).ToArray(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when v.TryGetValue<long>(out var l) => l,
            JsonValueKind.Number => v.GetValue<double>(),
            _ => v.ToJsonString(),
        },
        _ => node.ToJsonString(),
    };
}
