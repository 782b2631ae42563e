using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace SmartPulse.Notebooks.Kernel;

/// <summary>
/// Finds the XML documentation of a symbol: its own doc comment when written in a cell, else the
/// <c>.xml</c> file next to its assembly (NuGet packages, SmartPulse's own assemblies) or in the
/// .NET reference pack (<c>packs/Microsoft.NETCore.App.Ref/&lt;version&gt;/ref/net*/</c>), where
/// types implemented in <c>System.Private.CoreLib</c> are documented in <c>System.Runtime.xml</c>.
/// Files are indexed once, on first use.
/// </summary>
internal sealed partial class XmlDocumentation
{
    private readonly ConcurrentDictionary<string, Dictionary<string, string>?> _files = new(StringComparer.Ordinal);
    private readonly Lazy<string?> _referencePack = new(FindReferencePack);

    /// <summary>The summary (and with <paramref name="detailed"/>, parameters, returns and remarks) as plain text, or null.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="detailed">Include more than the summary.</param>
    /// <returns>The text or null.</returns>
    public string? Find(ISymbol symbol, bool detailed)
    {
        var target = symbol is IMethodSymbol { ReducedFrom: { } reduced } ? reduced : symbol.OriginalDefinition;
        var xml = target.GetDocumentationCommentXml();
        if (string.IsNullOrWhiteSpace(xml) && target.GetDocumentationCommentId() is { } id)
        {
            xml = Lookup(target.ContainingAssembly, id);
        }

        return string.IsNullOrWhiteSpace(xml) ? null : Render(xml, detailed);
    }

    private static string? FindReferencePack()
    {
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var root = runtimeDir is null ? null : Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        var packs = root is null ? null : Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
        if (packs is null || !Directory.Exists(packs))
        {
            return null;
        }

        var major = Environment.Version.Major;
        var version = Directory.GetDirectories(packs)
            .Select(Path.GetFileName)
            .Where(v => v is not null && v.StartsWith($"{major}.", StringComparison.Ordinal))
            .OrderByDescending(v => Version.TryParse(v!.Split('-')[0], out var parsed) ? parsed : new Version(0, 0))
            .FirstOrDefault();
        var refDir = version is null ? null : Path.Combine(packs, version, "ref", $"net{major}.0");
        return refDir is not null && Directory.Exists(refDir) ? refDir : null;
    }

    private static string Render(string xml, bool detailed)
    {
        XElement root;
        try
        {
            root = XElement.Parse(xml.Trim().StartsWith("<member", StringComparison.Ordinal) ? xml : $"<member>{xml}</member>");
        }
        catch (XmlException)
        {
            return "";
        }

        var text = new StringBuilder();
        Append(text, root.Element("summary"));
        if (detailed)
        {
            foreach (var parameter in root.Elements("param"))
            {
                text.Append('\n').Append(parameter.Attribute("name")?.Value).Append(": ");
                Append(text, parameter);
            }

            if (root.Element("returns") is { } returns)
            {
                text.Append("\nReturns: ");
                Append(text, returns);
            }

            if (root.Element("remarks") is { } remarks)
            {
                text.Append("\n\n");
                Append(text, remarks);
            }
        }

        return Spaces().Replace(text.ToString(), " ").Trim();
    }

    private static void Append(StringBuilder text, XElement? element)
    {
        if (element is null)
        {
            return;
        }

        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText t:
                    text.Append(t.Value);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } see:
                    var cref = see.Attribute("cref")?.Value ?? see.Attribute("langword")?.Value ?? see.Attribute("href")?.Value ?? "";
                    text.Append(see.Value.Length > 0 ? see.Value : cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref);
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } reference:
                    text.Append(reference.Attribute("name")?.Value);
                    break;
                case XElement { Name.LocalName: "para" } para:
                    text.Append("\n\n");
                    Append(text, para);
                    break;
                case XElement other:
                    Append(text, other);
                    break;
            }
        }
    }

    private static Dictionary<string, string>? Index(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, IgnoreWhitespace = false });
            reader.MoveToContent();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Name == "member" && reader.GetAttribute("name") is { } name)
                {
                    index[name] = reader.ReadOuterXml();
                }
                else
                {
                    reader.Read();
                }
            }
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            return index;
        }

        return index;
    }

    private string? Lookup(IAssemblySymbol? assembly, string id)
    {
        if (assembly is null)
        {
            return null;
        }

        var candidates = new List<string>();
        var name = assembly.Name;
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => !a.IsDynamic && a.Location.Length > 0 && string.Equals(a.GetName().Name, name, StringComparison.OrdinalIgnoreCase));
        if (loaded is not null)
        {
            candidates.Add(Path.ChangeExtension(loaded.Location, ".xml"));
        }

        if (_referencePack.Value is { } pack)
        {
            candidates.Add(Path.Combine(pack, name + ".xml"));
            candidates.Add(Path.Combine(pack, "System.Runtime.xml"));
        }

        foreach (var file in candidates)
        {
            if (_files.GetOrAdd(file, Index) is { } index && index.TryGetValue(id, out var xml))
            {
                return xml;
            }
        }

        return null;
    }

    [GeneratedRegex(@"[ \t\r\n]+")]
    private static partial Regex Spaces();
}
