using System.Reflection;
using SmartPulse.Text;

namespace SmartPulse.Display.Charts;

/// <summary>
/// The plotly.js library bundled in Plotly.NET (read as a resource, without running Plotly.NET code), the script tags that
/// bring it into a page, and the notebook loader that provides it once per kernel session.
/// </summary>
public static class PlotlyJs
{
    /// <summary>The bundled plotly.js version.</summary>
    public const string Version = "2.28.0";

    /// <summary>
    /// The script each chart runs to draw figure <c>f</c> into the element(s) with id <c>id</c>: at once when
    /// <c>window.Plotly</c> exists, through require.js when the page registered a <c>plotly</c> module, else retrying
    /// for up to 30 s (the loader output may render after the chart, and JupyterLab attaches outputs after running
    /// their scripts). Drawing clears the text description first; duplicated ids (the same figure shown twice) all draw.
    /// </summary>
    internal const string DrawWhenReady =
        "var n=0;function draw(P){var els=document.querySelectorAll('[id=\"'+id+'\"]');var left=els.length===0;"
        + "for(var i=0;i<els.length;i++){var el=els[i];if(el.getAttribute('data-drawn')){continue;}el.setAttribute('data-drawn','1');el.innerHTML='';P.newPlot(el,f.data,f.layout,f.config);}"
        + "if(left&&++n<300){setTimeout(go,100);}}\n"
        + "function go(){var P=window.Plotly;if(P&&P.newPlot){draw(P);return;}"
        + "var r=window.requirejs;if(typeof r==='function'&&r.specified&&r.specified('plotly')){r(['plotly'],draw);return;}"
        + "if(++n<300){setTimeout(go,100);}}\ngo();";

    private static readonly Lazy<string> _source = new(ReadSource);

    /// <summary>The minified plotly.js source bundled in Plotly.NET (about 3.5 MB).</summary>
    public static string Source => _source.Value;

    /// <summary>
    /// The notebook loader, following plotly.py's offline <c>init_notebook_mode</c>: one <c>&lt;script&gt;</c> with
    /// plotly.js inline. Where require.js is present (classic Notebook) plotly.js would register itself as an anonymous
    /// AMD module and never become <c>window.Plotly</c> ("Plotly is not defined"); the loader runs it with
    /// <c>define</c> hidden, then registers the result as the require.js module <c>plotly</c> and as
    /// <c>window.Plotly</c>. Nothing is fetched from the network.
    /// </summary>
    public static string NotebookLoader() =>
        "<script type=\"text/javascript\">/* plotly.js " + Version + " for this kernel session (SmartPulse.Display) */\n"
        + "(function(){var module={exports:{}},exports=module.exports,define=undefined;\n"
        + Inline(Source)
        + "\n;var P=module.exports;window.Plotly=P;window._Plotly=P;var d=window.define,r=window.requirejs;"
        + "if(typeof d==='function'&&d.amd&&typeof r==='function'){if(r.undef){r.undef('plotly');}d('plotly',[],function(){return P;});}})();</script>\n";

    /// <summary>
    /// The <c>&lt;script&gt;</c> element that provides plotly.js for <paramref name="mode"/>: the inline library for
    /// <see cref="PlotlyJsMode.Embed"/>, a <c>src</c> reference for <see cref="PlotlyJsMode.Reference"/>, and nothing
    /// otherwise (Notebook charts wait for the session's loader).
    /// </summary>
    /// <param name="mode">The mode.</param>
    /// <param name="url">The address used by <see cref="PlotlyJsMode.Reference"/>.</param>
    public static string ScriptTag(PlotlyJsMode mode, string url = ChartHtmlOptions.DefaultPlotlyJsUrl) => mode switch
    {
        PlotlyJsMode.Embed => "<script type=\"text/javascript\">" + Inline(Source) + "</script>\n",
        PlotlyJsMode.Reference => $"<script type=\"text/javascript\" src=\"{HtmlText.Encode(url)}\" charset=\"utf-8\"></script>\n",
        _ => string.Empty,
    };

    private static string Inline(string js) => js.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);

    private static string ReadSource()
    {
        // By name, not typeof(GenericChart): resolving a Plotly.NET type may pull in FSharp.Core.
        var asm = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "Plotly.NET")
            ?? Assembly.Load(new AssemblyName("Plotly.NET"));
        var name = asm.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(".min.js", StringComparison.Ordinal) && n.Contains("plotly", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"Plotly.NET {asm.GetName().Version} carries no plotly.js resource; use PlotlyJsMode.Reference with your own copy.");
        using var stream = asm.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
