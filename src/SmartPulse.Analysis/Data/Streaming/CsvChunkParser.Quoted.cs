namespace SmartPulse.Analysis.Data;

/// <summary><see cref="CsvChunkParser"/>'s general path: records that hold a quote.</summary>
internal sealed partial class CsvChunkParser
{
    /// <summary>
    /// A record holding a quote: tokenized field by field as <see cref="CsvByteReader"/> does (a quote opens a
    /// quoted field only at a field's start; <c>""</c> inside is one quote). Returns the bytes taken, or 0 when the
    /// record is not complete in <paramref name="data"/> (or holds a quoted line break: <paramref name="quotedBreak"/>).
    /// </summary>
    private int QuotedRecord(ReadOnlySpan<byte> data, bool final, ColumnBuilder[] builders, int line, ref bool quotedBreak)
    {
        var pos = 0;
        var length = 0;
        var fields = 0;
        while (true)
        {
            // At the start of a field.
            if (pos < data.Length && data[pos] == Quote)
            {
                pos++;
                while (true)
                {
                    if (pos >= data.Length)
                    {
                        quotedBreak = final;
                        return 0;
                    }

                    var b = data[pos];
                    if (b == Quote)
                    {
                        if (pos + 1 >= data.Length && !final)
                        {
                            return 0;
                        }

                        if (pos + 1 < data.Length && data[pos + 1] == Quote)
                        {
                            Append(ref length, Quote);
                            pos += 2;
                            continue;
                        }

                        pos++;
                        break;
                    }

                    if (b is (byte)'\r' or (byte)'\n')
                    {
                        quotedBreak = true;
                        return 0;
                    }

                    Append(ref length, b);
                    pos++;
                }

                if (pos < data.Length && data[pos] != _delimiter && data[pos] is not ((byte)'\r' or (byte)'\n'))
                {
                    throw new CsvFormatException(_source, line, $"field {fields + 1}",
                        $"unexpected text after a closing quote ('{(char)data[pos]}'). Quote the whole field and double any quote inside it.");
                }
            }
            else
            {
                while (pos < data.Length && data[pos] != _delimiter && data[pos] is not ((byte)'\r' or (byte)'\n'))
                {
                    Append(ref length, data[pos++]);
                }
            }

            EndField(ref fields, length);
            if (pos >= data.Length)
            {
                if (!final)
                {
                    return 0;
                }

                break;
            }

            if (data[pos] == _delimiter)
            {
                pos++;
                continue;
            }

            // A line break ends the record.
            if (data[pos] == (byte)'\r')
            {
                if (pos + 1 >= data.Length && !final)
                {
                    return 0;
                }

                pos += pos + 1 < data.Length && data[pos + 1] == (byte)'\n' ? 2 : 1;
            }
            else
            {
                pos++;
            }

            break;
        }

        if (fields != builders.Length)
        {
            throw CsvHeader.FieldCountError(_source, line, _names, fields, (char)_delimiter);
        }

        for (var c = 0; c < fields; c++)
        {
            var from = c == 0 ? 0 : _ends[c - 1];
            builders[c].Add(_scratch.AsSpan(from, _ends[c] - from), line, _format);
        }

        return pos;
    }

    private void Append(ref int length, byte b)
    {
        if (length == _scratch.Length)
        {
            Array.Resize(ref _scratch, _scratch.Length * 2);
        }

        _scratch[length++] = b;
    }

    private void EndField(ref int fields, int length)
    {
        if (fields == _ends.Length)
        {
            Array.Resize(ref _ends, _ends.Length * 2);
        }

        _ends[fields++] = length;
    }
}
