using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Documents;

namespace SmartPulse.Notebooks.Execution;

/// <summary>
/// Collects one cell's outputs. The collector of the running cell is held in an
/// <see cref="AsyncLocal{T}"/>, so console writes and <c>display</c> calls from any task or thread the
/// cell starts land in that cell, and concurrent sessions do not mix.
/// </summary>
internal sealed class OutputCollector
{
    private static readonly AsyncLocal<OutputCollector?> _current = new();
    private readonly object _gate = new();
    private readonly List<CellOutput> _outputs = [];
    private readonly ICellOutputObserver? _observer;
    private readonly int _executionCount;
    private readonly string _idPrefix;
    private int _displays;
    private bool _closed;
    private bool _clearPending;

    public OutputCollector(int executionCount, ICellOutputObserver? observer, CancellationToken cellToken = default, string idPrefix = "display")
    {
        _executionCount = executionCount;
        _idPrefix = idPrefix;
        _observer = observer;
        CellToken = cellToken;
    }

    /// <summary>Cancelled when the cell times out or is cancelled; checked by instrumented loops.</summary>
    public CancellationToken CellToken { get; }

    /// <summary>The collector of the cell running on this logical call context.</summary>
    public static OutputCollector? Current
    {
        get => _current.Value;
        set => _current.Value = value;
    }

    public void WriteStream(string name, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_closed)
            {
                // Written by a task the cell left running after it finished: not part of the cell's
                // stored outputs, but a kernel still publishes it (as ipykernel does).
                _observer?.OnOutput(CellOutput.Stream(name, text));
                return;
            }

            ClearIfPending();
            if (_outputs.Count > 0 && _outputs[^1] is { OutputType: CellOutput.StreamType } last && last.Name == name)
            {
                last.Text += text;
            }
            else
            {
                _outputs.Add(CellOutput.Stream(name, text));
            }

            _observer?.OnOutput(CellOutput.Stream(name, text));
        }
    }

    public string? AddDisplay(JsonObject data)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return null;
            }

            ClearIfPending();
            _displays++;
            var output = new CellOutput(CellOutput.DisplayDataType) { Data = data, DisplayId = $"{_idPrefix}-{_executionCount}-{_displays}" };
            _outputs.Add(output);
            _observer?.OnOutput(output.Clone());
            return output.DisplayId;
        }
    }

    public void UpdateDisplay(string displayId, JsonObject data)
    {
        lock (_gate)
        {
            var output = _outputs.FirstOrDefault(o => o.DisplayId == displayId);
            if (output is null || _closed)
            {
                return;
            }

            output.Data = data;
            _observer?.OnDisplayUpdated(output.Clone());
        }
    }

    public void Add(CellOutput output)
    {
        lock (_gate)
        {
            ClearIfPending();
            _outputs.Add(output);
            _observer?.OnOutput(output.Clone());
        }
    }

    /// <summary>Clears the cell's outputs so far (Jupyter's <c>clear_output</c>); with <paramref name="wait"/>, when the next output arrives.</summary>
    public void ClearOutput(bool wait)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _clearPending = true;
            if (!wait)
            {
                ClearIfPending();
            }

            _observer?.OnClearOutput(wait);
        }
    }

    /// <summary>Stops accepting writes from the cell (for a timed-out cell whose code keeps running).</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
        }
    }

    private void ClearIfPending()
    {
        if (_clearPending)
        {
            _clearPending = false;
            _outputs.Clear();
        }
    }

    public List<CellOutput> Snapshot()
    {
        lock (_gate)
        {
            return [.. _outputs.Select(o => o.Clone())];
        }
    }
}
