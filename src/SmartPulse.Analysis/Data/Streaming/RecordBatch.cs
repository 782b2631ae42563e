namespace SmartPulse.Analysis.Data;

/// <summary>
/// A block of tokenized records (their field bytes back to back, field ends and start lines), so the
/// tokenizer can fill the next block while the columns of this one are parsed in parallel.
/// </summary>
internal sealed class RecordBatch
{
    private readonly int _columns;
    private byte[] _data = new byte[1 << 20];
    private int _length;
    private readonly int[] _ends;
    private readonly int[] _lines;

    public RecordBatch(int columns, int capacity)
    {
        _columns = columns;
        Capacity = capacity;
        _ends = new int[columns * capacity];
        _lines = new int[capacity];
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    public void Clear()
    {
        Count = 0;
        _length = 0;
    }

    /// <summary>Copies the current record of <paramref name="reader"/> (which has exactly the batch's column count).</summary>
    public void Add(CsvByteReader reader)
    {
        var baseIndex = Count * _columns;
        for (var c = 0; c < _columns; c++)
        {
            var field = reader.Field(c);
            if (_length + field.Length > _data.Length)
            {
                Array.Resize(ref _data, Math.Max(_data.Length * 2, _length + field.Length));
            }

            field.CopyTo(_data.AsSpan(_length));
            _length += field.Length;
            _ends[baseIndex + c] = _length;
        }

        _lines[Count++] = reader.Line;
    }

    public int Line(int row) => _lines[row];

    public ReadOnlySpan<byte> Field(int row, int column)
    {
        var index = (row * _columns) + column;
        var start = index == 0 ? 0 : _ends[index - 1];
        return _data.AsSpan(start, _ends[index] - start);
    }
}
