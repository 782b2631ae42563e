using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Stdio;

/// <summary>
/// Sends a cell's outputs as <c>output</c> / <c>updateDisplay</c> / <c>clearOutput</c> notifications
/// while it runs, coalescing console writes like the Jupyter kernel's iopub publisher (both are a
/// <see cref="CoalescingOutputObserver"/>). Each output is an nbformat output object (strings
/// unsplit) tagged with the <c>executionId</c> of its request.
/// </summary>
internal sealed class StdioOutputObserver(JsonRpcChannel channel, JsonNode? executionId, TimeSpan flushInterval)
    : CoalescingOutputObserver(flushInterval)
{
    /// <summary>The nbformat shape of <paramref name="output"/> (multi-line strings kept whole), with <c>display_id</c> when it has one.</summary>
    /// <param name="output">The output.</param>
    /// <returns>A new JSON object.</returns>
    public static JsonObject ToJson(CellOutput output)
    {
        var obj = new JsonObject { ["output_type"] = output.OutputType };
        switch (output.OutputType)
        {
            case CellOutput.StreamType:
                obj["name"] = output.Name ?? "stdout";
                obj["text"] = output.Text ?? "";
                break;
            case CellOutput.ErrorType:
                obj["ename"] = output.ErrorName ?? "Error";
                obj["evalue"] = output.ErrorValue ?? "";
                obj["traceback"] = new JsonArray([.. output.Traceback.Select(t => (JsonNode?)t)]);
                break;
            default:
                var data = (JsonObject)output.Data.DeepClone();
                if (output.OutputType == CellOutput.ExecuteResultType)
                {
                    data["text/plain"] ??= output.PlainText() ?? "";
                    obj["execution_count"] = output.ExecutionCount;
                }

                obj["data"] = data;
                obj["metadata"] = output.Metadata.DeepClone();
                if (output.DisplayId is not null)
                {
                    obj["display_id"] = output.DisplayId;
                }

                break;
        }

        return obj;
    }

    protected override void SendStream(string name, string text) =>
        Send("output", new JsonObject { ["output_type"] = CellOutput.StreamType, ["name"] = name, ["text"] = text });

    protected override void SendOutput(CellOutput output) => Send("output", ToJson(output));

    protected override void SendDisplayUpdate(CellOutput output) => Send("updateDisplay", ToJson(output));

    protected override void SendClearOutput(bool wait) =>
        channel.Notify("clearOutput", new JsonObject { ["executionId"] = executionId?.DeepClone(), ["wait"] = wait });

    private void Send(string method, JsonObject output) =>
        channel.Notify(method, new JsonObject { ["executionId"] = executionId?.DeepClone(), ["output"] = output });
}
