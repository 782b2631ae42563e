using System.Reflection;
using Plotly.NET;
using SmartPulse.Display.Html;

namespace SmartPulse.Display.Charts;

/// <summary>The plotly.js library bundled in Plotly.NET (for offline pages) and the script tags that bring it in.</summary>
public static class PlotlyJs
{
    private static readonly Lazy<string> _source = new(ReadSource);

    /// <summary>The bundled plotly.js version.</summary>
    public const string Version = "2.28.0";

    /// <summary>The minified plotly.js source bundled in Plotly.NET (about 3.5 MB).</summary>
    public static string Source => _source.Value;

    /// <summary>
    /// The <c>&lt;script&gt;</c> element that provides plotly.js for <paramref name="mode"/>: the inline library for
    /// <see cref="PlotlyJsMode.Embed"/>, a <c>src</c> reference for <see cref="PlotlyJsMode.Reference"/>, and nothing
    /// otherwise (LoadIfMissing charts load it themselves).
    /// </summary>
    /// <param name="mode">The mode.</param>
    /// <param name="url">The address used by <see cref="PlotlyJsMode.Reference"/>.</param>
    public static string ScriptTag(PlotlyJsMode mode, string url = ChartHtmlOptions.DefaultPlotlyJsUrl) => mode switch
    {
        PlotlyJsMode.Embed => "<script type=\"text/javascript\">" + Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase) + "</script>\n",
        PlotlyJsMode.Reference => $"<script type=\"text/javascript\" src=\"{HtmlText.Encode(url)}\" charset=\"utf-8\"></script>\n",
        _ => string.Empty,
    };

    private static string ReadSource()
    {
        var asm = typeof(GenericChart).Assembly;
        var name = asm.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(".min.js", StringComparison.Ordinal) && n.Contains("plotly", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"Plotly.NET {asm.GetName().Version} carries no plotly.js resource; use PlotlyJsMode.Reference instead.");
        using var stream = asm.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
