using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartPulse.Notebooks.Documents;

/// <summary>
/// Reads and writes Jupyter notebooks (nbformat 4, written as 4.5) in the shape .NET Interactive /
/// Polyglot Notebooks uses. Reading accepts every metadata shape those tools wrote: notebook-level
/// <c>polyglot_notebook.kernelInfo</c>, top-level <c>kernelInfo</c>, legacy <c>dotnet_interactive</c>
/// and <c>kernelspec</c>; cell-level <c>polyglot_notebook.kernelName</c>,
/// <c>dotnet_interactive.language</c> and <c>vscode.languageId</c>. Writing emits kernelspec
/// <c>.net-csharp</c>, C# <c>language_info</c>, <c>polyglot_notebook.kernelInfo</c> and both cell
/// metadata forms (unless the kernelspec names another Jupyter kernel, such as python3 after
/// <c>run --kernel python3</c>: then the metadata is written as it is) and an id on every cell; keys are sorted and the indent is one space like
/// Jupyter's own writer (JSON mime payloads such as plotly figures on one line), so output is byte-stable.
/// </summary>
public static class IpynbFormat
{
    private static readonly JsonWriterOptions _writerOptions = new()
    {
        Indented = true,
        IndentSize = 1,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Parses an .ipynb document.</summary>
    /// <param name="json">The file's text.</param>
    /// <returns>The notebook.</returns>
    /// <exception cref="FormatException">The text is not JSON or not an nbformat 4 notebook.</exception>
    public static Notebook Read(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            throw new NotebookFormatException($"not a valid .ipynb file: invalid JSON at line {line}, column {column}: {e.Message}", line, column, inner: e);
        }

        if (root is not JsonObject obj)
        {
            throw new NotebookFormatException("not a valid .ipynb file: the top level must be a JSON object with 'cells' and 'metadata'.", 1, 1);
        }

        try
        {
            var notebook = Read(obj);
            notebook.EndsWithNewline = json.EndsWith('\n');
            return notebook;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or JsonException && e is not NotebookFormatException)
        {
            // A value of the wrong JSON type (or a duplicate key) in the notebook's metadata.
            throw new NotebookFormatException($"not a valid .ipynb file: the notebook metadata has a value of the wrong type: {e.Message}", inner: e);
        }
    }

    private static Notebook Read(JsonObject obj)
    {
        var major = obj["nbformat"] switch
        {
            null => 4,
            JsonValue v when v.TryGetValue<int>(out var n) => n,
            var other => throw new NotebookFormatException($"not a valid .ipynb file: 'nbformat' must be a whole number; found {other.ToJsonString()}."),
        };
        if (major != 4)
        {
            throw new NotebookFormatException($"unsupported nbformat {major}; only nbformat 4 notebooks can be read (convert with 'jupyter nbconvert --to notebook').");
        }

        var notebook = new Notebook
        {
            Metadata = obj["metadata"] as JsonObject is { } m ? (JsonObject)m.DeepClone() : [],
        };
        notebook.DefaultKernelName = ReadDefaultKernel(notebook.Metadata);

        if (obj["cells"] is not JsonArray cells)
        {
            throw new NotebookFormatException("not a valid .ipynb file: missing the 'cells' array.");
        }

        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is JsonObject c)
            {
                try
                {
                    notebook.Cells.Add(ReadCell(c, notebook.DefaultKernelName));
                }
                catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or JsonException)
                {
                    throw new NotebookFormatException($"not a valid .ipynb file: cell {i + 1} has a value of the wrong type: {e.Message}", cell: i + 1, inner: e);
                }
            }
        }

        return notebook;
    }

    /// <summary>Serialises <paramref name="notebook"/> as nbformat 4.5 JSON (assigning missing cell ids in place).</summary>
    /// <param name="notebook">The notebook.</param>
    /// <returns>The .ipynb text, ending with a newline unless the notebook was read from a file without one.</returns>
    public static string Write(Notebook notebook)
    {
        CellIds.Assign(notebook);
        var polyglot = !IsOtherKernel(notebook);
        var root = new JsonObject
        {
            ["cells"] = new JsonArray([.. notebook.Cells.Select(c => WriteCell(c, polyglot))]),
            ["metadata"] = WriteNotebookMetadata(notebook),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, _writerOptions))
        {
            SortedJson.Write(writer, root);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + (notebook.EndsWithNewline ? "\n" : "");
    }

    /// <summary>Whether a mime type carries JSON (stored as a JSON value, not a string).</summary>
    /// <param name="mimeType">The mime type.</param>
    /// <returns><see langword="true"/> for <c>application/json</c> and <c>application/*+json</c> (nbformat's rule).</returns>
    public static bool IsJsonMimeType(string mimeType) =>
        mimeType.StartsWith("application/", StringComparison.Ordinal)
        && (mimeType == "application/json" || mimeType.EndsWith("+json", StringComparison.Ordinal));

    /// <summary>The canonical JSON text of one output as it would be written (keys sorted), for comparisons.</summary>
    /// <param name="output">The output.</param>
    /// <returns>Compact JSON.</returns>
    public static string OutputJson(CellOutput output) => SortedJson.Sorted(IpynbOutputs.Write(output))!.ToJsonString(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    });

    private static string ReadDefaultKernel(JsonObject metadata)
    {
        string? name =
            Str(metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"])
            ?? Str(metadata["kernelInfo"]?["defaultKernelName"])
            ?? Str(metadata["dotnet_interactive"]?["defaultKernelName"])
            ?? Str(metadata["dotnet_interactive"]?["language"]);
        if (name is null)
        {
            var specName = Str(metadata["kernelspec"]?["name"]);
            if (specName is not null && specName.StartsWith(".net-", StringComparison.Ordinal))
            {
                name = specName[".net-".Length..];
            }
            else
            {
                name = Str(metadata["kernelspec"]?["language"]) ?? Str(metadata["language_info"]?["name"]);
            }
        }

        return name is null ? KernelNames.CSharp : NormalizeLanguage(name);
    }

    private static string NormalizeLanguage(string name) => name.Trim() switch
    {
        "PowerShell" => "pwsh",
        var n when n.StartsWith("dotnet-interactive.", StringComparison.Ordinal) => KernelNames.Normalize(n["dotnet-interactive.".Length..]),
        var n => KernelNames.Normalize(n),
    };

    private static NotebookCell ReadCell(JsonObject c, string defaultKernel)
    {
        var cellType = Str(c["cell_type"]);
        var type = cellType switch
        {
            "markdown" => CellType.Markdown,
            "raw" => CellType.Raw,
            "code" or null => CellType.Code,
            _ => CellType.Raw,
        };
        var metadata = c["metadata"] as JsonObject is { } m ? (JsonObject)m.DeepClone() : [];
        var kernel = type == CellType.Code ? ReadCellKernel(metadata) ?? defaultKernel : KernelNames.Markdown;
        var cell = new NotebookCell(type, IpynbOutputs.JoinMultiline(c["source"]), kernel)
        {
            Id = Str(c["id"]),
            Metadata = metadata,
            Attachments = c["attachments"]?.DeepClone() as JsonObject,
            UnknownCell = cellType is null or "code" or "markdown" or "raw" ? null : (JsonObject)c.DeepClone(),
        };
        if (type == CellType.Code)
        {
            cell.ExecutionCount = c["execution_count"] is JsonValue ec && ec.TryGetValue<int>(out var n) ? n : null;
            if (c["outputs"] is JsonArray outputs)
            {
                cell.Outputs.AddRange(outputs.OfType<JsonObject>().Select(IpynbOutputs.Read));
            }
        }

        return cell;
    }

    private static string? ReadCellKernel(JsonObject metadata)
    {
        var name = Str(metadata["polyglot_notebook"]?["kernelName"])
            ?? Str(metadata["dotnet_interactive"]?["language"])
            ?? Str(metadata["vscode"]?["languageId"]);
        return name is null or "polyglot-notebook" ? null : NormalizeLanguage(name);
    }

    private static JsonObject WriteNotebookMetadata(Notebook notebook)
    {
        var metadata = (JsonObject)notebook.Metadata.DeepClone();
        if (IsOtherKernel(notebook))
        {
            return metadata; // kernelspec and language_info of the Jupyter kernel that ran it (nbclient's shape), no Polyglot keys
        }

        metadata["kernelspec"] = new JsonObject
        {
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
            ["name"] = ".net-csharp",
        };
        // Other language_info keys a front end wrote (the real kernel's "version") are kept, for byte-stable round trips.
        var languageInfo = metadata["language_info"] as JsonObject ?? [];
        languageInfo["file_extension"] = ".cs";
        languageInfo["mimetype"] = "text/x-csharp";
        languageInfo["name"] = "C#";
        languageInfo["pygments_lexer"] = "csharp";
        metadata["language_info"] = languageInfo;

        var polyglot = metadata["polyglot_notebook"] as JsonObject ?? [];
        var kernels = new List<string> { KernelNames.CSharp };
        kernels.AddRange(notebook.Cells
            .Where(c => c.CellType == CellType.Code && c.KernelName != KernelNames.CSharp)
            .Select(c => c.KernelName)
            .Distinct()
            .Order(StringComparer.Ordinal));

        // Items a front end wrote (Polyglot Notebooks lists every kernel it had, with aliases) are kept as they
        // are, so its notebooks round-trip byte for byte; kernels the cells use but the list lacks are added.
        if (polyglot["kernelInfo"] is JsonObject existing && existing["items"] is JsonArray existingItems
            && existing["defaultKernelName"] is JsonValue d && d.TryGetValue<string>(out var defaultName) && defaultName == KernelNames.CSharp)
        {
            var listed = existingItems.Select(i => i?["name"] is JsonValue n && n.TryGetValue<string>(out var name) ? KernelNames.Normalize(name) : null).ToHashSet();
            foreach (var k in kernels.Where(k => !listed.Contains(k)))
            {
                existingItems.Add(KernelItem(k));
            }

            metadata["polyglot_notebook"] = polyglot;
            metadata.Remove("kernelInfo");
            return metadata;
        }

        var items = new JsonArray();
        foreach (var k in kernels)
        {
            items.Add(KernelItem(k));
        }

        polyglot["kernelInfo"] = new JsonObject { ["defaultKernelName"] = KernelNames.CSharp, ["items"] = items };
        metadata["polyglot_notebook"] = polyglot;
        metadata.Remove("kernelInfo");
        return metadata;
    }

    private static JsonObject KernelItem(string kernel) => KernelNames.LanguageName(kernel) is { } language
        ? new JsonObject { ["aliases"] = new JsonArray(), ["name"] = kernel, ["languageName"] = language }
        : new JsonObject { ["aliases"] = new JsonArray(), ["name"] = kernel };

    // A kernelspec that names a non-.NET Jupyter kernel (e.g. python3 after `run --kernel python3`) is written as it is.
    private static bool IsOtherKernel(Notebook notebook) =>
        Str(notebook.Metadata["kernelspec"]?["name"]) is { } name && !name.StartsWith(".net-", StringComparison.OrdinalIgnoreCase) && name != "smartpulse";

    private static JsonObject WriteCell(NotebookCell cell, bool polyglot)
    {
        if (cell.UnknownCell is { } unknown)
        {
            // An unknown cell type (e.g. "sql") goes back as it came; only a missing id is filled in (nbformat 4.5 requires one).
            var copy = (JsonObject)unknown.DeepClone();
            if (copy["id"] is null && cell.Id is not null)
            {
                copy["id"] = cell.Id;
            }

            return copy;
        }

        var metadata = (JsonObject)cell.Metadata.DeepClone();
        var obj = new JsonObject
        {
            ["cell_type"] = cell.CellType switch
            {
                CellType.Markdown => "markdown",
                CellType.Raw => "raw",
                _ => "code",
            },
            ["id"] = cell.Id,
            ["metadata"] = metadata,
            ["source"] = IpynbOutputs.SplitLines(cell.Source),
        };
        if (cell.Attachments is not null && cell.CellType != CellType.Code)
        {
            obj["attachments"] = cell.Attachments.DeepClone();
        }

        if (cell.CellType == CellType.Code)
        {
            if (polyglot)
            {
                SetPath(metadata, "polyglot_notebook", "kernelName", cell.KernelName);
                SetPath(metadata, "dotnet_interactive", "language", cell.KernelName);
            }

            obj["execution_count"] = cell.ExecutionCount;
            obj["outputs"] = new JsonArray([.. cell.Outputs.Select(IpynbOutputs.Write)]);
        }

        return obj;
    }

    private static void SetPath(JsonObject metadata, string section, string key, string value)
    {
        var obj = metadata[section] as JsonObject ?? [];
        obj[key] = value;
        metadata[section] = obj;
    }

    private static string? Str(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
