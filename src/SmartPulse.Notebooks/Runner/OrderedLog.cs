using System.Text;

namespace SmartPulse.Notebooks.Runner;

/// <summary>
/// Progress lines of notebooks running in parallel, printed in input order: the first unfinished
/// notebook writes through at once, the others are buffered and flushed when every notebook before
/// them has finished. The console text is therefore the same whatever <c>--jobs</c> is (timings aside).
/// </summary>
internal sealed class OrderedLog
{
    private readonly TextWriter _log;
    private readonly StringBuilder[] _buffers;
    private readonly bool[] _done;
    private readonly object _gate = new();
    private int _head;

    public OrderedLog(TextWriter log, int count)
    {
        _log = log;
        _buffers = [.. Enumerable.Range(0, count).Select(_ => new StringBuilder())];
        _done = new bool[count];
    }

    /// <summary>Writes a line for notebook <paramref name="index"/>.</summary>
    public void WriteLine(int index, string line)
    {
        lock (_gate)
        {
            if (index == _head)
            {
                _log.WriteLine(line);
            }
            else
            {
                _buffers[index].Append(line).Append('\n');
            }
        }
    }

    /// <summary>Marks notebook <paramref name="index"/> finished and flushes the notebooks that are now first.</summary>
    public void Complete(int index)
    {
        lock (_gate)
        {
            _done[index] = true;
            while (_head < _done.Length && _done[_head])
            {
                _head++;
                if (_head < _done.Length)
                {
                    _log.Write(_buffers[_head].ToString().Replace("\n", _log.NewLine, StringComparison.Ordinal));
                    _buffers[_head].Clear();
                }
            }
        }
    }
}
