using System.Buffers;
using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;

namespace SmartPulse.Analysis.Data;

/// <summary>
/// One worker of <see cref="ParallelCsvReader"/>: reads a byte range of a plain UTF-8 file that starts at a
/// record boundary, tokenizes it with <see cref="CsvByteReader"/>'s rules and feeds the values to that chunk's
/// own column builders. Plain numeric fields are scanned and parsed in one pass straight from the read
/// buffer (<see cref="NumberParser.TryScan"/>, no copy, no string); other fields go through
/// <see cref="ColumnBuilder.Add"/>. Lines are numbered from 1 at the chunk's start (every record is one
/// line here: a line break inside a quoted field makes the chunk report <see cref="ChunkOutcome.QuotedLineBreak"/>,
/// and the whole file is then read by the one-pass reader).
/// </summary>
internal sealed partial class CsvChunkParser
{
    private const byte Quote = (byte)'"';
    private readonly byte _delimiter;
    private readonly SearchValues<byte> _recordStops;
    private readonly bool _fastNumbers;
    private readonly NumberFormat _format;
    private readonly string[] _names;
    private readonly string _source;
    private byte[] _buffer = new byte[1 << 20];
    private byte[] _scratch = new byte[4096];
    private int[] _ends = new int[64];

    public CsvChunkParser(char delimiter, CsvOptions options, string[] names, string source)
    {
        _delimiter = (byte)delimiter;
        _recordStops = SearchValues.Create([(byte)'\n', (byte)'\r', Quote]);
        _format = options.Numbers;
        _names = names;
        _source = source;

        // A missing marker that could look like a number (e.g. "-", "999") must be checked on every field.
        _fastNumbers = options.Numbers.IsDefault && !(char.IsAsciiDigit(delimiter) || delimiter is '-' or '+' or '.' or 'e' or 'E') && !options.MissingMarkers.Any(m => m.TrimStart() is { Length: > 0 } t && (char.IsAsciiDigit(t[0]) || t[0] is '-' or '+' or '.'));
    }

    /// <summary>How a chunk ended.</summary>
    public enum ChunkOutcome
    {
        /// <summary>Every record was read.</summary>
        Done,

        /// <summary>A quoted field holds a line break (or runs past the chunk): the chunk cannot be read alone.</summary>
        QuotedLineBreak,

        /// <summary>Stopped early because an earlier chunk already decided the result.</summary>
        Cancelled,
    }

    /// <summary>
    /// Reads bytes [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="file"/> into <paramref name="builders"/>.
    /// Returns the outcome, the records and physical lines read; a bad record throws <see cref="CsvFormatException"/> with its chunk-relative line.
    /// </summary>
    public ChunkOutcome Parse(SafeFileHandle file, long start, long end, ColumnBuilder[] builders, Func<bool> cancelled, Action<long> consumed, out int rows, out int lines)
    {
        rows = 0;
        lines = 0;
        var offset = start;
        var carry = 0;
        while (true)
        {
            if (cancelled())
            {
                return ChunkOutcome.Cancelled;
            }

            if (carry == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var want = (int)Math.Min(_buffer.Length - carry, end - offset);
            var read = 0;
            while (read < want)
            {
                var n = RandomAccess.Read(file, _buffer.AsSpan(carry + read, want - read), offset + read);
                if (n == 0)
                {
                    throw new CsvFormatException(_source, null, null, "the file became shorter while it was read. Read a file that is not being written.");
                }

                read += n;
            }

            offset += read;
            var final = offset == end;
            var length = carry + read;
            var used = ParseRecords(_buffer.AsSpan(0, length), final, builders, ref rows, ref lines, out var quotedBreak);
            if (quotedBreak)
            {
                return ChunkOutcome.QuotedLineBreak;
            }

            consumed(used);
            carry = length - used;
            if (final)
            {
                return carry == 0 ? ChunkOutcome.Done : ChunkOutcome.QuotedLineBreak;
            }

            _buffer.AsSpan(used, carry).CopyTo(_buffer);
        }
    }

    /// <summary>Reads the complete records at the start of <paramref name="data"/>; returns the bytes used.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ParseRecords(ReadOnlySpan<byte> data, bool final, ColumnBuilder[] builders, ref int rows, ref int lines, out bool quotedBreak)
    {
        quotedBreak = false;
        var pos = 0;
        var columns = builders.Length;
        Span<double> values = columns <= 256 ? stackalloc double[columns] : new double[columns];
        Span<NumberSyntax> syntaxes = columns <= 256 ? stackalloc NumberSyntax[columns] : new NumberSyntax[columns];
        while (pos < data.Length)
        {
            var rest = data[pos..];
            if (_fastNumbers && FastRecord(rest, values, syntaxes) is var fast and > 0)
            {
                // Every field a plain number: one pass over the bytes, then the values are stored.
                pos += fast;
                lines++;
                rows++;
                for (var c = 0; c < columns; c++)
                {
                    if (!builders[c].TryAddFast(values[c], syntaxes[c]))
                    {
                        var field = FieldAt(rest, c);
                        builders[c].AddNumber(field, values[c], syntaxes[c], lines);
                    }
                }

                continue;
            }

            var stop = rest.IndexOfAny(_recordStops);
            if (stop >= 0 && rest[stop] == Quote)
            {
                var taken = QuotedRecord(rest, final, builders, lines + 1, ref quotedBreak);
                if (taken <= 0)
                {
                    return pos;
                }

                pos += taken;
                lines++;
                rows++;
                continue;
            }

            int terminator;
            if (stop < 0)
            {
                if (!final)
                {
                    return pos;
                }

                stop = rest.Length;
                terminator = 0;
            }
            else if (rest[stop] == (byte)'\r')
            {
                if (stop + 1 == rest.Length && !final)
                {
                    return pos;
                }

                terminator = stop + 1 < rest.Length && rest[stop + 1] == (byte)'\n' ? 2 : 1;
            }
            else
            {
                terminator = 1;
            }

            var record = rest[..stop];
            pos += stop + terminator;
            lines++;
            if (record.IsEmpty)
            {
                continue; // a blank line
            }

            var fields = record.Count(_delimiter) + 1;
            if (fields != columns)
            {
                throw CsvHeader.FieldCountError(_source, lines, _names, fields, (char)_delimiter);
            }

            PlainRecord(record, builders, lines);
            rows++;
        }

        return pos;
    }

    /// <summary>
    /// The length of the record at the start of <paramref name="rest"/> with its line break when every one of its
    /// fields is a plain number with an exact fast value (parsed into <paramref name="values"/>); 0 otherwise
    /// (anything else, including a record not complete in the buffer, takes the general path).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FastRecord(ReadOnlySpan<byte> rest, Span<double> values, Span<NumberSyntax> syntaxes)
    {
        var at = 0;
        var last = values.Length - 1;
        for (var c = 0; ; c++)
        {
            if (!NumberParser.TryScan(rest[at..], out var used, out values[c], out syntaxes[c]))
            {
                return 0;
            }

            at += used;
            if (at >= rest.Length)
            {
                return 0;
            }

            var next = rest[at];
            if (c < last)
            {
                if (next != _delimiter)
                {
                    return 0;
                }

                at++;
                continue;
            }

            if (next == (byte)'\n')
            {
                return at + 1;
            }

            if (next != (byte)'\r' || at + 1 >= rest.Length)
            {
                return 0;
            }

            return rest[at + 1] == (byte)'\n' ? at + 2 : at + 1;
        }
    }

    /// <summary>The bytes of field <paramref name="index"/> of a record of plain fields.</summary>
    private ReadOnlySpan<byte> FieldAt(ReadOnlySpan<byte> record, int index)
    {
        for (var c = 0; c < index; c++)
        {
            record = record[(record.IndexOf(_delimiter) + 1)..];
        }

        var end = record.IndexOfAny(_delimiter, (byte)'\r', (byte)'\n');
        return end < 0 ? record : record[..end];
    }

    private void PlainRecord(ReadOnlySpan<byte> record, ColumnBuilder[] builders, int line)
    {
        var at = 0;
        for (var c = 0; c < builders.Length; c++)
        {
            var rest = record[at..];
            if (_fastNumbers && NumberParser.TryScan(rest, out var used, out var value, out var syntax) && (used == rest.Length || rest[used] == _delimiter))
            {
                builders[c].AddNumber(rest[..used], value, syntax, line);
                at += used + 1;
                continue;
            }

            var length = rest.IndexOf(_delimiter);
            length = length < 0 ? rest.Length : length;
            builders[c].Add(rest[..length], line, _format);
            at += length + 1;
        }
    }
}
