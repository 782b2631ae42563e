using System.Runtime.InteropServices;
using Microsoft.Data.Analysis;

namespace SmartPulse.DuckDb;

/// <summary>
/// Collects one typed column's values (no boxing) into a growing byte buffer plus an Arrow-style validity
/// bitmap (bit set = value present), then hands both to the DataFrame column as its storage: no second
/// per-value copy. Builds the typed column classes users and <c>DataFrame.LoadCsv</c> produce
/// (<see cref="DoubleDataFrameColumn"/>, <see cref="Int64DataFrameColumn"/>, ...).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class TypedColumnBuilder<T>
    where T : unmanaged
{
    private static readonly int _size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
    private byte[] _data = new byte[64 * System.Runtime.CompilerServices.Unsafe.SizeOf<T>()];
    private byte[] _valid = new byte[8];
    private int _count;
    private int _nulls;

    public void Add(T value)
    {
        Grow();
        MemoryMarshal.Cast<byte, T>(_data.AsSpan())[_count] = value;
        _valid[_count >> 3] |= (byte)(1 << (_count & 7));
        _count++;
    }

    public void AddNull()
    {
        Grow();
        _nulls++;
        _count++;
    }

    public DataFrameColumn Build(string name)
    {
        var data = new ReadOnlyMemory<byte>(_data, 0, _count * _size);
        var valid = new ReadOnlyMemory<byte>(_valid, 0, (_count + 7) / 8);
        return default(T) switch
        {
            double => new DoubleDataFrameColumn(name, data, valid, _count, _nulls),
            float => new SingleDataFrameColumn(name, data, valid, _count, _nulls),
            long => new Int64DataFrameColumn(name, data, valid, _count, _nulls),
            int => new Int32DataFrameColumn(name, data, valid, _count, _nulls),
            short => new Int16DataFrameColumn(name, data, valid, _count, _nulls),
            sbyte => new SByteDataFrameColumn(name, data, valid, _count, _nulls),
            byte => new ByteDataFrameColumn(name, data, valid, _count, _nulls),
            ushort => new UInt16DataFrameColumn(name, data, valid, _count, _nulls),
            uint => new UInt32DataFrameColumn(name, data, valid, _count, _nulls),
            ulong => new UInt64DataFrameColumn(name, data, valid, _count, _nulls),
            decimal => new DecimalDataFrameColumn(name, data, valid, _count, _nulls),
            bool => new BooleanDataFrameColumn(name, data, valid, _count, _nulls),
            DateTime => new DateTimeDataFrameColumn(name, data, valid, _count, _nulls),
            _ => new PrimitiveDataFrameColumn<T>(name, data, valid, _count, _nulls),
        };
    }

    private void Grow()
    {
        if ((_count + 1) * _size > _data.Length)
        {
            if ((long)_data.Length * 2 > Array.MaxLength)
            {
                throw new InvalidOperationException($"A query result column of {typeof(T).Name} has more than {_count:N0} rows, more than one DataFrame column buffer holds; add a LIMIT or aggregate in SQL.");
            }
            Array.Resize(ref _data, _data.Length * 2);
        }
        if ((_count >> 3) >= _valid.Length)
        {
            Array.Resize(ref _valid, _valid.Length * 2);
        }
    }
}
