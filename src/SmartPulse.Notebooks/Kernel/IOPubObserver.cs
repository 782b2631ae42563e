using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Kernel;

/// <summary>Publishes a cell's outputs on iopub as they are produced, coalescing console writes.</summary>
internal sealed class IOPubObserver(JupyterKernel kernel, JupyterMessage parent, bool silent, TimeSpan flushInterval)
    : CoalescingOutputObserver(flushInterval, silent)
{
    protected override void SendStream(string name, string text) =>
        kernel.Publish("stream", new JsonObject { ["name"] = name, ["text"] = text }, parent);

    protected override void SendOutput(CellOutput output)
    {
        switch (output.OutputType)
        {
            case CellOutput.DisplayDataType:
                var display = new JsonObject { ["data"] = output.Data.DeepClone(), ["metadata"] = output.Metadata.DeepClone() };
                display["transient"] = output.DisplayId is null ? new JsonObject() : new JsonObject { ["display_id"] = output.DisplayId };
                kernel.Publish("display_data", display, parent);
                break;
            case CellOutput.ExecuteResultType:
                var data = (JsonObject)output.Data.DeepClone();
                data["text/plain"] ??= output.PlainText() ?? "";
                kernel.Publish("execute_result", new JsonObject
                {
                    ["execution_count"] = output.ExecutionCount ?? 0,
                    ["data"] = data,
                    ["metadata"] = output.Metadata.DeepClone(),
                }, parent);
                break;
            case CellOutput.ErrorType:
                kernel.Publish("error", new JsonObject
                {
                    ["ename"] = output.ErrorName ?? "Error",
                    ["evalue"] = output.ErrorValue ?? "",
                    ["traceback"] = new JsonArray([.. output.Traceback.Select(t => JsonValue.Create(t))]),
                }, parent);
                break;
        }
    }

    protected override void SendDisplayUpdate(CellOutput output) =>
        kernel.Publish("update_display_data", new JsonObject
        {
            ["data"] = output.Data.DeepClone(),
            ["metadata"] = output.Metadata.DeepClone(),
            ["transient"] = new JsonObject { ["display_id"] = output.DisplayId },
        }, parent);

    protected override void SendClearOutput(bool wait) =>
        kernel.Publish("clear_output", new JsonObject { ["wait"] = wait }, parent);
}
