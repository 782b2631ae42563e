namespace SmartPulse.Display.Charts;

/// <summary>
/// One plotly.js trace as plain data (<c>{"type": ..., ...}</c>), serialised with System.Text.Json. SmartPulse's own
/// charts are built from these rather than from Plotly.NET objects, so drawing them never needs FSharp.Core at run
/// time (hosts such as .NET Interactive 1.0.712001 load an FSharp.Core older than Plotly.NET 6 needs).
/// </summary>
internal sealed class Trace : Dictionary<string, object>
{
    /// <summary>A trace of <paramref name="type"/> (scatter, bar, box, heatmap, scatter3d, scatterpolar, …).</summary>
    /// <param name="type">The plotly.js trace type.</param>
    public Trace(string type)
        : base(StringComparer.Ordinal)
    {
        this["type"] = type;
    }
}
