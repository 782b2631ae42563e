namespace SmartPulse.Analysis.Data;

/// <summary>
/// An append-only list stored in fixed blocks of 65,536 items: growing never copies, and a consumer
/// can move the values elsewhere block by block, releasing each block as it goes (so a column is
/// never held twice in full).
/// </summary>
internal sealed class ChunkedList<T>
{
    internal const int BlockSize = 1 << 16;

    private readonly List<T[]> _blocks = [];
    private int _inLast = BlockSize;

    public long Count { get; private set; }

    public void Add(T value)
    {
        if (_inLast == BlockSize)
        {
            _blocks.Add(new T[BlockSize]);
            _inLast = 0;
        }

        _blocks[^1][_inLast++] = value;
        Count++;
    }

    public void AddRepeated(T value, long count)
    {
        for (long i = 0; i < count; i++)
        {
            Add(value);
        }
    }

    public T this[long index] => _blocks[(int)(index >> 16)][(int)(index & (BlockSize - 1))];

    /// <summary>Copies every item into <paramref name="target"/>; with <paramref name="release"/> the blocks are dropped as they are copied.</summary>
    public void CopyTo(Span<T> target, bool release = false)
    {
        var offset = 0;
        for (var b = 0; b < _blocks.Count; b++)
        {
            var n = (int)Math.Min(BlockSize, Count - offset);
            _blocks[b].AsSpan(0, n).CopyTo(target.Slice(offset, n));
            offset += n;
            if (release)
            {
                _blocks[b] = [];
            }
        }

        if (release)
        {
            _blocks.Clear();
            Count = 0;
            _inLast = BlockSize;
        }
    }

    public T[] ToArray(bool release = false)
    {
        var result = new T[Count];
        CopyTo(result, release);
        return result;
    }
}
