using System.Text;
using SmartPulse.Notebooks.Documents;

namespace SmartPulse.Notebooks.Execution;

/// <summary>
/// The shared shape of a live output channel (the Jupyter kernel's iopub publisher, the stdio
/// host's notifications): console writes are coalesced into one stream message per stream name and
/// flush interval; any other output, display update or clear first flushes the buffered text, so
/// order is kept. After <see cref="Complete"/> (the cell has finished), text written by threads the
/// cell left running goes out at once. Subclasses only say how to send each kind of message.
/// </summary>
internal abstract class CoalescingOutputObserver : ICellOutputObserver
{
    private readonly bool _silent;
    private readonly TimeSpan _flushInterval;
    private readonly object _gate = new();
    private readonly StringBuilder _buffer = new();
    private readonly Timer _timer;
    private string? _bufferName;
    private bool _timerArmed;
    private bool _completed;

    /// <summary>Creates the observer.</summary>
    /// <param name="flushInterval">How long console text may wait before it is sent.</param>
    /// <param name="silent">Send nothing (Jupyter's <c>silent</c> execute requests).</param>
    protected CoalescingOutputObserver(TimeSpan flushInterval, bool silent = false)
    {
        _silent = silent;
        _flushInterval = flushInterval;
        _timer = new Timer(_ => Flush(), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <inheritdoc/>
    public void OnOutput(CellOutput output)
    {
        if (_silent)
        {
            return;
        }

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
                    // Written by a thread the cell left running: send at once.
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
            SendOutput(output);
        }
    }

    /// <inheritdoc/>
    public void OnDisplayUpdated(CellOutput output)
    {
        if (_silent || output.DisplayId is null)
        {
            return;
        }

        lock (_gate)
        {
            FlushLocked();
            SendDisplayUpdate(output);
        }
    }

    /// <inheritdoc/>
    public void OnClearOutput(bool wait)
    {
        if (_silent)
        {
            return;
        }

        lock (_gate)
        {
            FlushLocked();
            SendClearOutput(wait);
        }
    }

    /// <summary>The cell has finished: sends what is buffered.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            FlushLocked();
        }

        _timer.Dispose();
    }

    /// <summary>Sends coalesced console text.</summary>
    /// <param name="name"><c>stdout</c> or <c>stderr</c>.</param>
    /// <param name="text">The text.</param>
    protected abstract void SendStream(string name, string text);

    /// <summary>Sends a display_data, execute_result or error output.</summary>
    /// <param name="output">The output.</param>
    protected abstract void SendOutput(CellOutput output);

    /// <summary>Sends the new content of an earlier display (it carries its display id).</summary>
    /// <param name="output">The output.</param>
    protected abstract void SendDisplayUpdate(CellOutput output);

    /// <summary>Sends a clear of the cell's outputs.</summary>
    /// <param name="wait">Clear when the next output arrives rather than now.</param>
    protected abstract void SendClearOutput(bool wait);

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

        SendStream(_bufferName, _buffer.ToString());
        _buffer.Clear();
        _bufferName = null;
    }
}
