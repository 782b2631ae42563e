using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartPulse.Notebooks.Documents;

/// <summary>
/// Reads and writes .NET Interactive's plain-text <c>.dib</c> format: an optional <c>#!meta</c>
/// section holding one JSON line, then cells each introduced by a kernel line such as
/// <c>#!csharp</c> / <c>#!c#</c> or <c>#!markdown</c> / <c>#!md</c>. Text before the first kernel
/// line belongs to a C# cell. Magic commands (<c>#!time</c>, ...) are not kernel names and stay
/// inside their cell. Outputs are not stored. Sections are separated by one blank line and cell
/// text is trimmed of leading and trailing blank lines, so <c>Write(Read(text)) == text</c> for
/// any file in that canonical shape, and the kernel alias each cell was written with is kept.
/// </summary>
public static class DibFormat
{
    private static readonly JsonSerializerOptions _metaOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Parses a .dib document.</summary>
    /// <param name="text">The file's text (LF or CRLF line ends).</param>
    /// <returns>The notebook.</returns>
    /// <exception cref="FormatException">The <c>#!meta</c> section is not valid JSON.</exception>
    public static Notebook Read(string text)
    {
        var notebook = new Notebook();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string? directive = null;
        var buffer = new List<string>();
        var extraKernels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        var lineNumber = 0;
        var bodyLine = 1;

        void Flush()
        {
            // The 1-based line the trimmed body starts on (for error locations).
            bodyLine = lineNumber - buffer.Count + 1 + buffer.TakeWhile(string.IsNullOrWhiteSpace).Count();
            var body = Trim(buffer);
            buffer.Clear();
            if (directive is null && body.Length == 0)
            {
                return;
            }

            if (directive == "meta")
            {
                ReadMeta(notebook, body, extraKernels, bodyLine);
                return;
            }

            var name = directive ?? notebook.DefaultKernelName;
            var kernel = KernelNames.Normalize(name);
            var type = kernel == KernelNames.Markdown ? CellType.Markdown : CellType.Code;
            notebook.Cells.Add(new NotebookCell(type, body, kernel) { DibDirective = directive });
        }

        for (; lineNumber < lines.Length; lineNumber++)
        {
            var line = lines[lineNumber];
            if (line.StartsWith("#!", StringComparison.Ordinal) && line.Length > 2 && !line.Contains(' ', StringComparison.Ordinal))
            {
                var name = line[2..].TrimEnd();
                if (name == "meta" || KernelNames.IsKnown(name) || extraKernels.Contains(name))
                {
                    Flush();
                    directive = name;
                    continue;
                }
            }

            buffer.Add(line);
        }

        Flush();
        return notebook;
    }

    /// <summary>Serialises <paramref name="notebook"/> as .dib text (outputs are not stored).</summary>
    /// <param name="notebook">The notebook.</param>
    /// <returns>The .dib text, ending with a newline.</returns>
    public static string Write(Notebook notebook)
    {
        var sections = new List<string>();
        var kernelInfo = notebook.Metadata["polyglot_notebook"]?["kernelInfo"] ?? notebook.Metadata["kernelInfo"];
        if (kernelInfo is not null)
        {
            var meta = new JsonObject { ["kernelInfo"] = kernelInfo.DeepClone() };
            sections.Add("#!meta\n\n" + meta.ToJsonString(_metaOptions));
        }

        foreach (var cell in notebook.Cells)
        {
            var directive = cell.DibDirective is { } d && KernelNames.Normalize(d) == cell.KernelName
                ? d
                : cell.CellType == CellType.Code ? cell.KernelName : KernelNames.Markdown;
            var source = cell.Source.TrimEnd('\n');
            sections.Add(source.Length == 0 ? $"#!{directive}" : $"#!{directive}\n\n{source}");
        }

        var builder = new StringBuilder();
        builder.AppendJoin("\n\n", sections);
        builder.Append('\n');
        return builder.ToString();
    }

    private static void ReadMeta(Notebook notebook, string body, HashSet<string> extraKernels, int metaLine)
    {
        if (body.Length == 0)
        {
            return;
        }

        JsonObject? meta;
        try
        {
            meta = JsonNode.Parse(body) as JsonObject;
            _ = meta?.Count; // materialise the object now, so a duplicate key fails here with a location
        }
        catch (ArgumentException e)
        {
            throw new NotebookFormatException($"invalid #!meta section in .dib file at line {metaLine}: {e.Message}", metaLine, 1, inner: e);
        }
        catch (JsonException e)
        {
            var line = metaLine + (e.LineNumber ?? 0);
            throw new NotebookFormatException($"invalid #!meta section in .dib file at line {line}: {e.Message}", line, (e.BytePositionInLine ?? 0) + 1, inner: e);
        }

        if (meta?["kernelInfo"] is JsonObject kernelInfo)
        {
            notebook.Metadata["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = kernelInfo.DeepClone() };
            if (kernelInfo["defaultKernelName"] is JsonValue v && v.TryGetValue<string>(out var def))
            {
                notebook.DefaultKernelName = KernelNames.Normalize(def);
            }

            if (kernelInfo["items"] is JsonArray items)
            {
                foreach (var item in items.OfType<JsonObject>())
                {
                    if (item["name"] is JsonValue n && n.TryGetValue<string>(out var name))
                    {
                        extraKernels.Add(name);
                    }

                    if (item["aliases"] is JsonArray aliases)
                    {
                        foreach (var a in aliases.OfType<JsonValue>())
                        {
                            if (a.TryGetValue<string>(out var alias))
                            {
                                extraKernels.Add(alias.TrimStart('#', '!'));
                            }
                        }
                    }
                }
            }
        }
    }

    private static string Trim(List<string> lines)
    {
        var start = 0;
        var end = lines.Count;
        while (start < end && string.IsNullOrWhiteSpace(lines[start]))
        {
            start++;
        }

        while (end > start && string.IsNullOrWhiteSpace(lines[end - 1]))
        {
            end--;
        }

        return string.Join('\n', lines.Skip(start).Take(end - start));
    }
}
