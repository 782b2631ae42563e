using System.Text.Json.Nodes;

namespace SmartPulse.Notebooks.Documents;

/// <summary>
/// nbformat's cell outputs and multi-line strings for <see cref="IpynbFormat"/>: reading keeps every
/// field an output carries (JSON mime payloads as JSON, text payloads joined), writing emits the
/// fields of its <c>output_type</c> only, with text split into lines that keep their newline.
/// </summary>
internal static class IpynbOutputs
{
    /// <summary>Joins nbformat's multi-line string (a string or an array of lines) into one string.</summary>
    /// <param name="node">The JSON value.</param>
    /// <returns>The text ("" for null).</returns>
    public static string JoinMultiline(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l is JsonValue v && v.TryGetValue<string>(out var s) ? s : l?.ToJsonString() ?? "")),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        null => "",
        _ => node.ToJsonString(),
    };

    /// <summary>Splits text into nbformat's list of lines, each keeping its trailing newline.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The JSON array of lines.</returns>
    public static JsonArray SplitLines(string text)
    {
        var array = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                array.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            array.Add(text[start..]);
        }

        return array;
    }

    /// <summary>Reads one output object.</summary>
    /// <param name="o">The output's JSON.</param>
    /// <returns>The output.</returns>
    public static CellOutput Read(JsonObject o)
    {
        var type = Str(o["output_type"]) ?? CellOutput.DisplayDataType;
        var output = new CellOutput(type)
        {
            Name = Str(o["name"]),
            Metadata = o["metadata"] as JsonObject is { } m ? (JsonObject)m.DeepClone() : [],
            ExecutionCount = o["execution_count"] is JsonValue ec && ec.TryGetValue<int>(out var n) ? n : null,
            ErrorName = Str(o["ename"]),
            ErrorValue = Str(o["evalue"]),
        };
        if (type == CellOutput.StreamType)
        {
            output.Text = JoinMultiline(o["text"]);
        }

        if (o["data"] is JsonObject data)
        {
            foreach (var (mime, value) in data)
            {
                output.Data[mime] = IpynbFormat.IsJsonMimeType(mime) ? value?.DeepClone() : JoinMultiline(value);
            }
        }

        if (o["traceback"] is JsonArray tb)
        {
            output.Traceback = [.. tb.Select(t => Str(t) ?? "")];
        }

        return output;
    }

    /// <summary>Writes one output object (keys unsorted; the writer sorts them).</summary>
    /// <param name="output">The output.</param>
    /// <returns>The JSON object.</returns>
    public static JsonObject Write(CellOutput output)
    {
        var obj = new JsonObject { ["output_type"] = output.OutputType };
        switch (output.OutputType)
        {
            case CellOutput.StreamType:
                obj["name"] = output.Name ?? "stdout";
                obj["text"] = SplitLines(output.Text ?? "");
                break;
            case CellOutput.ErrorType:
                obj["ename"] = output.ErrorName ?? "Error";
                obj["evalue"] = output.ErrorValue ?? "";
                obj["traceback"] = new JsonArray([.. output.Traceback.Select(t => (JsonNode?)t)]);
                break;
            default:
                var data = new JsonObject();
                foreach (var (mime, value) in output.Data)
                {
                    data[mime] = value is JsonValue v && v.TryGetValue<string>(out var s) ? SplitLines(s) : value?.DeepClone();
                }

                obj["data"] = data;
                obj["metadata"] = output.Metadata.DeepClone();
                if (output.OutputType == CellOutput.ExecuteResultType)
                {
                    obj["execution_count"] = output.ExecutionCount;
                }

                break;
        }

        return obj;
    }

    private static string? Str(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
