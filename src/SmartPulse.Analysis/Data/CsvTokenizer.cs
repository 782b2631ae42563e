using System.Text;

namespace SmartPulse.Analysis.Data;

/// <summary>
/// RFC 4180 tokenizer: fields separated by one delimiter character, records by CRLF, LF or CR;
/// a field may be quoted with <c>"</c>, inside which delimiters and line breaks are literal and
/// <c>""</c> is one quote. Blank lines are skipped; the last line may lack a newline.
/// </summary>
internal static class CsvTokenizer
{
    /// <summary>Splits <paramref name="text"/> into records.</summary>
    /// <exception cref="CsvFormatException">A quote is not closed, or text follows a closing quote.</exception>
    public static List<CsvRecord> Tokenize(string text, char delimiter, string source)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        var atFieldStart = true;
        var recordHasContent = false;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            atFieldStart = true;
        }

        void EndRecord()
        {
            EndField();
            var blank = fields.Count == 1 && fields[0].Length == 0 && !recordHasContent;
            if (!blank)
            {
                records.Add(new CsvRecord(recordLine, fields.ToArray()));
            }

            fields.Clear();
            recordHasContent = false;
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (atFieldStart && c == '"')
            {
                // Quoted field.
                recordHasContent = true;
                var quoteLine = line;
                i++;
                var closed = false;
                while (i < text.Length)
                {
                    var q = text[i];
                    if (q == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    if (q == '\n' || (q == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                    {
                        line++;
                    }

                    field.Append(q);
                    i++;
                }

                if (!closed)
                {
                    throw new CsvFormatException(source, quoteLine, null,
                        "a quoted field is never closed. Close it with a double quote (\"), and write a quote inside a quoted field as two quotes (\"\").");
                }

                if (i < text.Length && text[i] != delimiter && text[i] != '\r' && text[i] != '\n')
                {
                    throw new CsvFormatException(source, line, $"field {fields.Count + 1}",
                        $"unexpected text after a closing quote ('{text[i]}'). Quote the whole field and double any quote inside it.");
                }

                atFieldStart = false;
                continue;
            }

            if (c == delimiter)
            {
                recordHasContent = true;
                EndField();
                i++;
                continue;
            }

            if (c == '\r' || c == '\n')
            {
                EndRecord();
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                line++;
                recordLine = line;
                continue;
            }

            field.Append(c);
            recordHasContent = true;
            atFieldStart = false;
            i++;
        }

        if (recordHasContent || field.Length > 0 || fields.Count > 0)
        {
            EndRecord();
        }

        return records;
    }
}
