using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>
/// The <c>value</c> kernel: <c>#!value --name x [--from-file f] [--mime-type m]</c> stores the cell's
/// text (or the file's) as string variable <c>x</c> and displays it (as <c>--mime-type</c> when given).
/// Values shared or set into it are kept as they are.
/// </summary>
internal sealed class ValueSubkernel(string baseDirectory) : ISubkernel
{
    private readonly SortedDictionary<string, object?> _values = new(StringComparer.Ordinal);

    public string Name => "value";

    public string Description => "Values: raw text or file content stored for #!share";

    public IReadOnlyCollection<string> SwitchOptions => ["--name", "--from-file", "--mime-type"];

    public IReadOnlyList<string> VariableNames => [.. _values.Keys];

    public Task<CellStatus> RunAsync(CellSegment segment, KernelContext context)
    {
        var options = segment.Options ?? throw new MagicException("The value kernel needs #!value --name x on the cell's first line.");
        options.CheckOptions(["--name", "--from-file", "--mime-type"], []);
        var name = options.Option("--name") ?? throw new MagicException($"({options.Line}): #!value needs --name, as in #!value --name config.");
        var file = options.Option("--from-file");
        var mime = options.Option("--mime-type");
        var text = MimeSubkernel.Trim(segment.Code);
        if (file is not null)
        {
            if (text.Length > 0)
            {
                throw new MagicException($"({options.Line}): #!value --from-file takes its value from {file}; remove the cell's other text or drop --from-file.");
            }
            var path = Path.GetFullPath(Path.Combine(baseDirectory, file));
            if (!File.Exists(path))
            {
                throw new MagicException($"({options.Line}): #!value --from-file: file not found at {path} (paths are relative to {baseDirectory}).");
            }
            text = File.ReadAllText(path);
        }
        _values[name] = text;
        // As .NET Interactive does, the value is shown: as text, or as --mime-type.
        context.Display(mime is null or "text/plain"
            ? new JsonObject { ["text/plain"] = text }
            : new JsonObject { [mime] = Documents.IpynbFormat.IsJsonMimeType(mime) ? ParseJson(text) : text, ["text/plain"] = text });
        return Task.FromResult(CellStatus.Ok);
    }

    public bool TryGetVariable(string name, out object? value) => _values.TryGetValue(name, out value);

    public Task SetVariableAsync(string name, object? value, KernelContext context)
    {
        _values[name] = value;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
    }

    private static JsonNode? ParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
