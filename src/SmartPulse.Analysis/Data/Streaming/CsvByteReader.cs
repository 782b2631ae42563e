using System.Buffers;

namespace SmartPulse.Analysis.Data;

/// <summary>
/// Streaming RFC 4180 tokenizer over UTF-8 bytes (the one CSV tokenizer of the library):
/// fields separated by one ASCII delimiter, records by CRLF, LF or CR; a field may be quoted with
/// <c>"</c>, inside which delimiters and line breaks are literal and <c>""</c> is one quote. Blank
/// lines are skipped; the last line may lack a newline. Memory is one read buffer plus the current
/// record, whatever the file size.
/// </summary>
internal sealed class CsvByteReader
{
    private readonly Stream _stream;
    private readonly byte _delimiter;
    private readonly string _source;
    private readonly SearchValues<byte> _unquotedStops;
    private readonly SearchValues<byte> _quotedStops;
    private readonly byte[] _buffer;
    private int _pos;
    private int _len;
    private bool _eof;
    private byte[] _record = new byte[4096];
    private int _recordLength;
    private int[] _ends = new int[64];
    private int _physicalLine = 1;
    private long _consumedBefore;

    public CsvByteReader(Stream stream, char delimiter, string source, int bufferSize = 1 << 20)
    {
        if (delimiter > 127 || delimiter is '"' or '\r' or '\n')
        {
            throw new CsvFormatException(source, null, null, $"the delimiter '{delimiter}' is not supported; use an ASCII character other than a quote or a line break (comma, tab or semicolon are sniffed).");
        }

        _stream = stream;
        _delimiter = (byte)delimiter;
        _source = source;
        _buffer = new byte[bufferSize];
        _unquotedStops = SearchValues.Create([_delimiter, (byte)'\r', (byte)'\n']);
        _quotedStops = SearchValues.Create([(byte)'"', (byte)'\r', (byte)'\n']);
    }

    /// <summary>Fields in the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The 1-based physical line where the current record starts.</summary>
    public int Line { get; private set; }

    /// <summary>The 1-based physical line the next record starts on (after the current record's line break).</summary>
    public int NextLine => _physicalLine;

    /// <summary>Bytes of the stream consumed so far (up to the end of the current record's line break).</summary>
    public long Consumed => _consumedBefore + _pos;

    /// <summary>The bytes of field <paramref name="index"/> of the current record (quotes removed, <c>""</c> unescaped).</summary>
    public ReadOnlySpan<byte> Field(int index)
    {
        var start = index == 0 ? 0 : _ends[index - 1];
        return _record.AsSpan(start, _ends[index] - start);
    }

    /// <summary>Advances to the next non-blank record; false at the end of the input.</summary>
    /// <exception cref="CsvFormatException">A quote is not closed, or text follows a closing quote.</exception>
    public bool Next()
    {
        while (true)
        {
            _recordLength = 0;
            FieldCount = 0;
            Line = _physicalLine;
            var hasContent = false;
            var endOfInput = false;
            while (true)
            {
                // At the start of a field.
                if (!Ensure())
                {
                    endOfInput = true;
                    break;
                }

                if (_buffer[_pos] == (byte)'"')
                {
                    hasContent = true;
                    ReadQuoted();
                    if (!Ensure())
                    {
                        endOfInput = true;
                        break;
                    }

                    var after = _buffer[_pos];
                    if (after == _delimiter)
                    {
                        _pos++;
                        EndField();
                        continue;
                    }

                    if (after is (byte)'\r' or (byte)'\n')
                    {
                        ConsumeNewline();
                        break;
                    }

                    throw new CsvFormatException(_source, _physicalLine, $"field {FieldCount + 1}",
                        $"unexpected text after a closing quote ('{(char)after}'). Quote the whole field and double any quote inside it.");
                }

                // Unquoted field: copy up to the next delimiter or line break.
                var stop = -1;
                while (stop < 0)
                {
                    var span = _buffer.AsSpan(_pos, _len - _pos);
                    var idx = span.IndexOfAny(_unquotedStops);
                    var take = idx < 0 ? span.Length : idx;
                    if (take > 0)
                    {
                        Append(span[..take]);
                        hasContent = true;
                        _pos += take;
                    }

                    if (idx >= 0)
                    {
                        stop = _buffer[_pos];
                    }
                    else if (!Ensure())
                    {
                        break;
                    }
                }

                if (stop < 0)
                {
                    endOfInput = true;
                    break;
                }

                if (stop == _delimiter)
                {
                    _pos++;
                    hasContent = true;
                    EndField();
                    continue;
                }

                ConsumeNewline();
                break;
            }

            if (endOfInput && !hasContent && FieldCount == 0 && _recordLength == 0)
            {
                return false;
            }

            EndField();
            var blank = FieldCount == 1 && _recordLength == 0 && !hasContent;
            if (!blank)
            {
                return true;
            }

            if (endOfInput)
            {
                return false;
            }
        }
    }

    private void ReadQuoted()
    {
        var quoteLine = _physicalLine;
        _pos++;
        while (true)
        {
            if (!Ensure())
            {
                throw new CsvFormatException(_source, quoteLine, null,
                    "a quoted field is never closed. Close it with a double quote (\"), and write a quote inside a quoted field as two quotes (\"\").");
            }

            var span = _buffer.AsSpan(_pos, _len - _pos);
            var idx = span.IndexOfAny(_quotedStops);
            if (idx < 0)
            {
                Append(span);
                _pos = _len;
                continue;
            }

            Append(span[..idx]);
            _pos += idx;
            var c = _buffer[_pos++];
            if (c == (byte)'"')
            {
                if (Ensure() && _buffer[_pos] == (byte)'"')
                {
                    AppendByte((byte)'"');
                    _pos++;
                    continue;
                }

                return;
            }

            AppendByte(c);
            if (c == (byte)'\n' || !Ensure() || _buffer[_pos] != (byte)'\n')
            {
                _physicalLine++;
            }
        }
    }

    private void ConsumeNewline()
    {
        var c = _buffer[_pos++];
        if (c == (byte)'\r' && Ensure() && _buffer[_pos] == (byte)'\n')
        {
            _pos++;
        }

        _physicalLine++;
    }

    private void EndField()
    {
        if (FieldCount == _ends.Length)
        {
            Array.Resize(ref _ends, _ends.Length * 2);
        }

        _ends[FieldCount++] = _recordLength;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_recordLength + bytes.Length > _record.Length)
        {
            Array.Resize(ref _record, Math.Max(_record.Length * 2, _recordLength + bytes.Length));
        }

        bytes.CopyTo(_record.AsSpan(_recordLength));
        _recordLength += bytes.Length;
    }

    private void AppendByte(byte b)
    {
        if (_recordLength == _record.Length)
        {
            Array.Resize(ref _record, _record.Length * 2);
        }

        _record[_recordLength++] = b;
    }

    /// <summary>True when at least one unread byte is buffered (reads more if needed).</summary>
    private bool Ensure()
    {
        if (_pos < _len)
        {
            return true;
        }

        if (_eof)
        {
            return false;
        }

        _consumedBefore += _len;
        _pos = 0;
        _len = 0;
        while (_len == 0)
        {
            var read = InputFile.ReadChecked(_stream, _buffer, _source);
            if (read == 0)
            {
                _eof = true;
                return false;
            }

            _len = read;
        }

        return true;
    }
}
