using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Kernel;

namespace SmartPulse.Notebooks.Client;

/// <summary>
/// Turns a cell's iopub messages into nbformat outputs as nbclient does: <c>stream</c> (consecutive
/// writes to one stream merged), <c>display_data</c>, <c>execute_result</c>, <c>error</c>;
/// <c>clear_output</c> (with <c>wait</c>: cleared when the next output arrives); and
/// <c>update_display_data</c>, which replaces every earlier output of the notebook carrying that
/// <c>display_id</c>.
/// </summary>
internal sealed class OutputAccumulator
{
    private readonly Dictionary<string, List<CellOutput>> _displays;
    private bool _clearPending;

    public OutputAccumulator(Dictionary<string, List<CellOutput>> displays)
    {
        _displays = displays;
    }

    public List<CellOutput> Outputs { get; } = [];

    public void Handle(JupyterMessage message)
    {
        var content = message.Content;
        switch (message.MessageType)
        {
            case "stream":
                Clear();
                var name = JupyterMessage.Text(content, "name", "stdout");
                var text = JupyterMessage.Text(content, "text");
                if (Outputs.Count > 0 && Outputs[^1] is { OutputType: CellOutput.StreamType } last && last.Name == name)
                {
                    last.Text += text;
                }
                else
                {
                    Outputs.Add(CellOutput.Stream(name, text));
                }

                break;
            case "display_data" or "execute_result":
                Clear();
                var output = new CellOutput(message.MessageType)
                {
                    Data = content["data"] as JsonObject is { } data ? (JsonObject)data.DeepClone() : [],
                    Metadata = content["metadata"] as JsonObject is { } metadata ? (JsonObject)metadata.DeepClone() : [],
                    ExecutionCount = message.MessageType == "execute_result" ? JupyterMessage.Number(content, "execution_count", 0) : null,
                };
                Outputs.Add(output);
                if (content["transient"]?["display_id"] is JsonValue id && id.TryGetValue<string>(out var displayId))
                {
                    if (!_displays.TryGetValue(displayId, out var list))
                    {
                        _displays[displayId] = list = [];
                    }

                    list.Add(output);
                }

                break;
            case "update_display_data":
                if (content["transient"]?["display_id"] is JsonValue uid && uid.TryGetValue<string>(out var updateId) && _displays.TryGetValue(updateId, out var targets))
                {
                    foreach (var target in targets)
                    {
                        target.Data = content["data"] as JsonObject is { } d ? (JsonObject)d.DeepClone() : [];
                        target.Metadata = content["metadata"] as JsonObject is { } m ? (JsonObject)m.DeepClone() : [];
                    }
                }

                break;
            case "error":
                Clear();
                Outputs.Add(CellOutput.Error(
                    JupyterMessage.Text(content, "ename", "Error"),
                    JupyterMessage.Text(content, "evalue"),
                    content["traceback"] is JsonArray tb ? tb.Select(t => t is JsonValue v && v.TryGetValue<string>(out var s) ? s : "") : []));
                break;
            case "clear_output":
                if (JupyterMessage.Flag(content, "wait", false))
                {
                    _clearPending = true;
                }
                else
                {
                    _clearPending = true;
                    Clear();
                }

                break;
        }
    }

    private void Clear()
    {
        if (_clearPending)
        {
            _clearPending = false;
            Outputs.Clear();
        }
    }
}
