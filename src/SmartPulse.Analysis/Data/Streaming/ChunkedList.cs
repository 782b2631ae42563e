namespace SmartPulse.Analysis.Data;

/// <summary>
/// An append-only list stored in blocks of up to 65,536 items: growing never copies, another list's blocks
/// can be adopted whole (<see cref="Adopt"/>, how the parallel reader joins its chunks without copying),
/// and a consumer can move the values elsewhere block by block, releasing each block as it goes (so a
/// column is never held twice in full). Every block but the last is full unless blocks were adopted
/// (an adopted list's partly filled last block stays as it is: its unwritten pages are never touched).
/// </summary>
internal sealed class ChunkedList<T>
{
    internal const int BlockSize = 1 << 16;

    private readonly List<T[]> _blocks = [];
    private readonly List<int> _sealedCounts = [];
    private T[] _current = [];
    private int _inLast;
    private bool _uniform = true;
    private long[]? _starts;

    public long Count { get; private set; }

    /// <summary>The number of blocks.</summary>
    public int BlockCount => _blocks.Count;

    public void Add(T value)
    {
        if (_inLast == _current.Length)
        {
            NewBlock();
        }

        _current[_inLast++] = value;
        Count++;
    }

    public void AddRepeated(T value, long count)
    {
        while (count > 0)
        {
            if (_inLast == _current.Length)
            {
                NewBlock();
            }

            var n = (int)Math.Min(count, _current.Length - _inLast);
            _current.AsSpan(_inLast, n).Fill(value);
            _inLast += n;
            Count += n;
            count -= n;
        }
    }

    /// <summary>Appends every item of <paramref name="other"/> in order by taking over its blocks (no copy) and empties it.</summary>
    public void Adopt(ChunkedList<T> other)
    {
        if (other.Count == 0)
        {
            return;
        }

        if (_blocks.Count > 0)
        {
            _sealedCounts.Add(_inLast);
            _uniform &= _inLast == BlockSize;
        }

        for (var b = 0; b < other._blocks.Count; b++)
        {
            _blocks.Add(other._blocks[b]);
            if (b < other._sealedCounts.Count)
            {
                _sealedCounts.Add(other._sealedCounts[b]);
            }
        }

        _uniform &= other._uniform;
        _current = other._current;
        _inLast = other._inLast;
        Count += other.Count;
        _starts = null;
        other.Clear();
    }

    /// <summary>The filled part of block <paramref name="block"/>.</summary>
    public ReadOnlySpan<T> Block(int block) =>
        _blocks[block].AsSpan(0, block == _blocks.Count - 1 ? _inLast : _sealedCounts[block]);

    public T this[long index]
    {
        get
        {
            if (_uniform)
            {
                return _blocks[(int)(index >> 16)][(int)(index & (BlockSize - 1))];
            }

            var starts = Starts();
            var b = Array.BinarySearch(starts, index);
            b = b >= 0 ? b : ~b - 1;
            while (b + 1 < _blocks.Count && starts[b + 1] == index)
            {
                b++; // skip empty blocks
            }

            return _blocks[b][(int)(index - starts[b])];
        }
    }

    /// <summary>Every item in order.</summary>
    public IEnumerable<T> Items()
    {
        for (var b = 0; b < _blocks.Count; b++)
        {
            var block = _blocks[b];
            var n = b == _blocks.Count - 1 ? _inLast : _sealedCounts[b];
            for (var i = 0; i < n; i++)
            {
                yield return block[i];
            }
        }
    }

    /// <summary>Copies every item into <paramref name="target"/>; with <paramref name="release"/> the blocks are dropped as they are copied.</summary>
    public void CopyTo(Span<T> target, bool release = false)
    {
        var offset = 0;
        for (var b = 0; b < _blocks.Count; b++)
        {
            var block = Block(b);
            block.CopyTo(target.Slice(offset, block.Length));
            offset += block.Length;
            if (release)
            {
                _blocks[b] = [];
            }
        }

        if (release)
        {
            Clear();
        }
    }

    public T[] ToArray(bool release = false)
    {
        var result = new T[Count];
        CopyTo(result, release);
        return result;
    }

    private void Clear()
    {
        _blocks.Clear();
        _sealedCounts.Clear();
        _current = [];
        _inLast = 0;
        _uniform = true;
        _starts = null;
        Count = 0;
    }

    private long[] Starts()
    {
        if (_starts is null || _starts.Length != _blocks.Count)
        {
            _starts = new long[_blocks.Count];
            long at = 0;
            for (var b = 0; b < _blocks.Count; b++)
            {
                _starts[b] = at;
                at += Block(b).Length;
            }
        }

        return _starts;
    }

    private void NewBlock()
    {
        if (_blocks.Count > 0)
        {
            _sealedCounts.Add(_inLast);
            _uniform &= _inLast == BlockSize;
        }

        // Items are only read once written, so a block need not be zeroed (untouched pages stay unmapped).
        _current = GC.AllocateUninitializedArray<T>(BlockSize);
        _blocks.Add(_current);
        _inLast = 0;
        _starts = null;
    }
}
