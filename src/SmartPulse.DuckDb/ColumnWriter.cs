using System.Globalization;
using System.Runtime.CompilerServices;
using DuckDB.NET.Data;
using Microsoft.Data.Analysis;

namespace SmartPulse.DuckDb;

/// <summary>
/// Appends one DataFrame column's values to DuckDB appender rows without boxing: a primitive column's
/// buffers are copied once into a typed array (plus a validity array when it has nulls) and each value
/// goes to the appender's typed overload; string columns are read through their typed indexer. Other
/// column kinds fall back to the boxed indexer.
/// </summary>
internal abstract class ColumnWriter
{
    /// <summary>Appends row <paramref name="row"/>'s value of this column.</summary>
    public abstract void Append(IDuckDBAppenderRow appenderRow, long row);

    public static ColumnWriter For(DataFrameColumn column) => column switch
    {
        _ when column.Length > Array.MaxLength => new Boxed(column),
        PrimitiveDataFrameColumn<bool> c => new Primitive<bool>(c),
        PrimitiveDataFrameColumn<byte> c => new Primitive<byte>(c),
        PrimitiveDataFrameColumn<sbyte> c => new Primitive<sbyte>(c),
        PrimitiveDataFrameColumn<short> c => new Primitive<short>(c),
        PrimitiveDataFrameColumn<ushort> c => new Primitive<ushort>(c),
        PrimitiveDataFrameColumn<int> c => new Primitive<int>(c),
        PrimitiveDataFrameColumn<uint> c => new Primitive<uint>(c),
        PrimitiveDataFrameColumn<long> c => new Primitive<long>(c),
        PrimitiveDataFrameColumn<ulong> c => new Primitive<ulong>(c),
        PrimitiveDataFrameColumn<float> c => new Primitive<float>(c),
        PrimitiveDataFrameColumn<double> c => new Primitive<double>(c),
        PrimitiveDataFrameColumn<decimal> c => new Primitive<decimal>(c),
        PrimitiveDataFrameColumn<DateTime> c => new Primitive<DateTime>(c),
        StringDataFrameColumn c => new Strings(i => c[i]),
        ArrowStringDataFrameColumn c => new Strings(i => c[i]),
        _ => new Boxed(column),
    };

    private sealed class Primitive<T> : ColumnWriter
        where T : unmanaged
    {
        private readonly T[] _values;
        private readonly bool[]? _valid;

        public Primitive(PrimitiveDataFrameColumn<T> column)
        {
            _values = new T[column.Length];
            _valid = column.NullCount == 0 ? null : new bool[column.Length];
            var offset = 0;
            using var bitmaps = column.GetReadOnlyNullBitMapBuffers().GetEnumerator();
            foreach (var buffer in column.GetReadOnlyDataBuffers())
            {
                bitmaps.MoveNext();
                buffer.Span.CopyTo(_values.AsSpan(offset));
                if (_valid is not null)
                {
                    var bits = bitmaps.Current.Span;
                    for (var i = 0; i < buffer.Length; i++)
                    {
                        _valid[offset + i] = (bits[i >> 3] & (1 << (i & 7))) != 0;
                    }
                }
                offset += buffer.Length;
            }
        }

        public override void Append(IDuckDBAppenderRow appenderRow, long row)
        {
            if (_valid is not null && !_valid[row])
            {
                appenderRow.AppendNullValue();
                return;
            }
            // typeof(T) tests are constants after JIT specialisation: one typed call, no boxing.
            var v = _values[row];
            if (typeof(T) == typeof(double)) { appenderRow.AppendValue(Unsafe.As<T, double>(ref v)); }
            else if (typeof(T) == typeof(long)) { appenderRow.AppendValue(Unsafe.As<T, long>(ref v)); }
            else if (typeof(T) == typeof(int)) { appenderRow.AppendValue(Unsafe.As<T, int>(ref v)); }
            else if (typeof(T) == typeof(bool)) { appenderRow.AppendValue(Unsafe.As<T, bool>(ref v)); }
            else if (typeof(T) == typeof(float)) { appenderRow.AppendValue(Unsafe.As<T, float>(ref v)); }
            else if (typeof(T) == typeof(DateTime)) { appenderRow.AppendValue(Unsafe.As<T, DateTime>(ref v)); }
            else if (typeof(T) == typeof(decimal)) { appenderRow.AppendValue(Unsafe.As<T, decimal>(ref v)); }
            else if (typeof(T) == typeof(short)) { appenderRow.AppendValue(Unsafe.As<T, short>(ref v)); }
            else if (typeof(T) == typeof(byte)) { appenderRow.AppendValue(Unsafe.As<T, byte>(ref v)); }
            else if (typeof(T) == typeof(sbyte)) { appenderRow.AppendValue(Unsafe.As<T, sbyte>(ref v)); }
            else if (typeof(T) == typeof(ushort)) { appenderRow.AppendValue(Unsafe.As<T, ushort>(ref v)); }
            else if (typeof(T) == typeof(uint)) { appenderRow.AppendValue(Unsafe.As<T, uint>(ref v)); }
            else if (typeof(T) == typeof(ulong)) { appenderRow.AppendValue(Unsafe.As<T, ulong>(ref v)); }
            else { throw new InvalidOperationException($"No typed DuckDB append for {typeof(T).Name}."); }
        }
    }

    private sealed class Strings(Func<long, string?> get) : ColumnWriter
    {
        public override void Append(IDuckDBAppenderRow appenderRow, long row)
        {
            if (get(row) is { } s)
            {
                appenderRow.AppendValue(s);
            }
            else
            {
                appenderRow.AppendNullValue();
            }
        }
    }

    private sealed class Boxed(DataFrameColumn column) : ColumnWriter
    {
        public override void Append(IDuckDBAppenderRow appenderRow, long row)
        {
            switch (column[row])
            {
                case null: appenderRow.AppendNullValue(); break;
                case bool v: appenderRow.AppendValue(v); break;
                case byte v: appenderRow.AppendValue(v); break;
                case sbyte v: appenderRow.AppendValue(v); break;
                case short v: appenderRow.AppendValue(v); break;
                case ushort v: appenderRow.AppendValue(v); break;
                case int v: appenderRow.AppendValue(v); break;
                case uint v: appenderRow.AppendValue(v); break;
                case long v: appenderRow.AppendValue(v); break;
                case ulong v: appenderRow.AppendValue(v); break;
                case float v: appenderRow.AppendValue(v); break;
                case double v: appenderRow.AppendValue(v); break;
                case decimal v: appenderRow.AppendValue(v); break;
                case DateTime v: appenderRow.AppendValue(v); break;
                case char v: appenderRow.AppendValue(v.ToString()); break;
                case string v: appenderRow.AppendValue(v); break;
                case var v: appenderRow.AppendValue(Convert.ToString(v, CultureInfo.InvariantCulture)); break;
            }
        }
    }
}
