using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace SmartPulse.Notebooks.Tests.Properties;

/// <summary>A random JSON document shaped like an .ipynb (known keys, values of any JSON type).</summary>
public sealed record IpynbText(string Text)
{
    public override string ToString() => "IpynbText " + Text;
}

/// <summary>Random .dib-shaped text: directives, #!meta JSON and plain lines.</summary>
public sealed record DibText(string Text)
{
    public override string ToString() => "DibText " + System.Text.Json.JsonSerializer.Serialize(Text);
}

/// <summary>Random text of any characters.</summary>
public sealed record AnyText(string Text)
{
    public override string ToString() => "AnyText " + System.Text.Json.JsonSerializer.Serialize(Text);
}

/// <summary>FsCheck generators for the notebook-reader properties.</summary>
public static class NotebookInputs
{
    private static readonly string[] _keys =
    [
        "cells", "metadata", "nbformat", "nbformat_minor", "cell_type", "source", "outputs", "id", "execution_count", "output_type",
        "data", "text", "name", "ename", "evalue", "traceback", "kernelspec", "language_info", "polyglot_notebook", "kernelInfo",
        "defaultKernelName", "items", "aliases", "tags", "attachments", "language", "dotnet_interactive", "kernelName", "vscode", "languageId",
        "text/plain", "text/html", "application/json", "image/png",
    ];

    private static readonly string[] _strings =
    [
        "code", "markdown", "raw", "sql", "stream", "display_data", "execute_result", "error", "stdout", "csharp", "fsharp", ".net-csharp",
        "C#", "parameters", "", "x\ny", "#!sql", "💥",
    ];

    public static Arbitrary<IpynbText> IpynbText() =>
        Gen.Sized(size => Node(Math.Min(size / 10, 4))).Select(Wrap).Select(n => new IpynbText(n.ToJsonString())).ToArbitrary();

    public static Arbitrary<DibText> DibText() =>
        Gen.Elements(
                "#!meta", "#!csharp", "#!c#", "#!markdown", "#!md", "#!fsharp", "#!sql", "#!kql-x", "#!unknown", "#!", "#!csharp extra",
                "{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"name\":\"kql-x\",\"aliases\":[\"k\", 3, null]}]}}",
                "{\"kernelInfo\":{\"defaultKernelName\":5,\"items\":{}}}", "{\"kernelInfo\":[]}", "{", "}", "[1,", "{\"a\":1,\"a\":2}",
                "Console.WriteLine(1);", "# heading", "", "\r", "text")
            .ArrayOf()
            .Select(lines => new DibText(string.Join("\n", lines)))
            .ToArbitrary();

    public static Arbitrary<AnyText> AnyText() =>
        Gen.OneOf(
                Gen.Choose(0, 0xD7FF).Select(c => (char)c),
                Gen.Elements('{', '}', '[', ']', '"', ':', ',', '\n', '#', '!', '\\'))
            .ArrayOf()
            .Select(chars => new AnyText(new string(chars)))
            .ToArbitrary();

    private static JsonNode Wrap(JsonNode? node) => node is JsonObject obj && Random(obj) ? obj : new JsonObject { ["cells"] = new JsonArray(node), ["metadata"] = new JsonObject(), ["nbformat"] = 4 };

    private static bool Random(JsonObject obj) => obj.ContainsKey("cells");

    private static Gen<JsonNode?> Node(int depth)
    {
        var leaf = Gen.OneOf(
            Gen.Constant<JsonNode?>(null),
            Gen.Elements(_strings).Select(s => (JsonNode?)JsonValue.Create(s)),
            Gen.Choose(-3, 6).Select(n => (JsonNode?)JsonValue.Create(n)),
            Gen.Elements(true, false).Select(b => (JsonNode?)JsonValue.Create(b)),
            Gen.Elements(1.5, -0.0, 1e300).Select(d => (JsonNode?)JsonValue.Create(d)));
        if (depth <= 0)
        {
            return leaf;
        }

        var child = Node(depth - 1);
        var array = child.ListOf().Select(items => (JsonNode?)new JsonArray([.. items.Select(i => i?.DeepClone())]));
        var obj = Gen.Elements(_keys).Zip(child).ListOf().Select(pairs =>
        {
            var o = new JsonObject();
            foreach (var (key, value) in pairs)
            {
                o[key] = value?.DeepClone();
            }

            return (JsonNode?)o;
        });
        return Gen.Frequency((2, leaf), (3, array), (5, obj));
    }
}
