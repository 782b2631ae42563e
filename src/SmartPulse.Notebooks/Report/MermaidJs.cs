using System.IO.Compression;

namespace SmartPulse.Notebooks.Report;

/// <summary>The mermaid.js library embedded in this assembly (npm <c>mermaid</c>), for offline HTML reports.</summary>
public static class MermaidJs
{
    /// <summary>The embedded mermaid version.</summary>
    public const string Version = "12.3.0";

    /// <summary>The file name the report writes it under.</summary>
    public const string FileName = "mermaid.min.js";

    /// <summary>Writes the (decompressed) <c>mermaid.min.js</c> to <paramref name="target"/>.</summary>
    /// <param name="target">The destination stream.</param>
    public static void CopyTo(Stream target)
    {
        using var resource = typeof(MermaidJs).Assembly.GetManifestResourceStream("SmartPulse.Notebooks.mermaid.min.js.gz")
            ?? throw new InvalidOperationException("SmartPulse.Notebooks was built without its embedded mermaid.min.js.gz.");
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        gzip.CopyTo(target);
    }
}
