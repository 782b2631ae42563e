using System.Text;
using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Stdio;

/// <summary>
/// Sends a cell's outputs as <c>output</c> / <c>updateDisplay</c> notifications while it runs,
/// coalescing console writes like the Jupyter kernel's iopub publisher. Each output is an nbformat
/// output object (strings unsplit) tagged with the <c>executionId</c> of its request.
/// </summary>
internal sealed class StdioOutputObserver : ICellOutputObserver
{
    private readonly JsonRpcChannel _channel;
    private readonly JsonNode? _executionId;
    private readonly TimeSpan _flushInterval;
    private readonly object _gate = new();
    private readonly StringBuilder _buffer = new();
    private readonly Timer _timer;
    private string? _bufferName;
    private bool _timerArmed;
    private bool _completed;

    public StdioOutputObserver(JsonRpcChannel channel, JsonNode? executionId, TimeSpan flushInterval)
    {
        _channel = channel;
        _executionId = executionId;
        _flushInterval = flushInterval;
        _timer = new Timer(_ => Flush(), null, Timeout.Infinite, Timeout.Infinite);
    }

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

    public void OnOutput(CellOutput output)
    {
        lock (_gate)
        {
            if (output.OutputType == CellOutput.StreamType)
            {
                if (_bufferName is not null && _bufferName != output.Name)
                {
                    FlushLocked();
                }

                _bufferName = output.Name;
                _buffer.Append(output.Text);
                if (_completed)
                {
                    FlushLocked();
                }
                else if (!_timerArmed)
                {
                    _timerArmed = true;
                    _timer.Change(_flushInterval, Timeout.InfiniteTimeSpan);
                }

                return;
            }

            FlushLocked();
            Send("output", ToJson(output));
        }
    }

    public void OnDisplayUpdated(CellOutput output)
    {
        if (output.DisplayId is null)
        {
            return;
        }

        lock (_gate)
        {
            FlushLocked();
            Send("updateDisplay", ToJson(output));
        }
    }

    /// <summary>Sends what is buffered; later console writes (from threads the cell left running) go out at once.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            FlushLocked();
        }

        _timer.Dispose();
    }

    private void Flush()
    {
        lock (_gate)
        {
            FlushLocked();
        }
    }

    private void FlushLocked()
    {
        _timerArmed = false;
        if (_buffer.Length == 0 || _bufferName is null)
        {
            return;
        }

        Send("output", new JsonObject { ["output_type"] = CellOutput.StreamType, ["name"] = _bufferName, ["text"] = _buffer.ToString() });
        _buffer.Clear();
        _bufferName = null;
    }

    private void Send(string method, JsonObject output) =>
        _channel.Notify(method, new JsonObject { ["executionId"] = _executionId?.DeepClone(), ["output"] = output });
}
