using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SmartPulse.Text;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>
/// Mermaid output: <c>text/vnd.mermaid</c> (drawn natively by front ends that know it) plus a
/// <c>text/html</c> fallback: a <c>&lt;pre class="mermaid"&gt;</c> holding the diagram source (readable
/// as is) and a script that draws it with <c>window.mermaid</c> when the page has mermaid.js (the
/// HTML report embeds one copy), or queues it for when mermaid.js arrives. Ids derive from the
/// diagram text, never random.
/// </summary>
public static class Mermaid
{
    /// <summary>The mime type of mermaid diagram source.</summary>
    public const string MimeType = "text/vnd.mermaid";

    /// <summary>The mime bundle for a diagram.</summary>
    /// <param name="diagram">Mermaid source.</param>
    /// <returns><c>text/vnd.mermaid</c>, <c>text/html</c> and <c>text/plain</c>.</returns>
    public static JsonObject Bundle(string diagram)
    {
        var id = "mermaid-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(diagram)))[..12];
        var html = $"<pre class=\"mermaid\" id=\"{id}\">{HtmlText.Encode(diagram)}</pre>\n"
            + "<script type=\"text/javascript\">(function () { var draw = function () { window.mermaid.run({ nodes: [document.getElementById('" + id + "')] }); };"
            + " if (window.mermaid) { draw(); } else { (window.smartpulseMermaidQueue = window.smartpulseMermaidQueue || []).push(draw); } })();</script>";
        return new JsonObject { [MimeType] = diagram, ["text/html"] = html, ["text/plain"] = diagram };
    }
}
