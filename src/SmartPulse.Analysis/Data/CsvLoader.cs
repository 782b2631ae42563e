using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;

namespace SmartPulse.Analysis.Data;

/// <summary>
/// Loads delimited customer files into typed <see cref="DataFrame"/>s. Reads UTF-8 (BOM optional),
/// CRLF/LF/CR line ends, quoted fields (RFC 4180); sniffs the delimiter unless declared; infers each
/// undeclared column's type from <em>all</em> its values (integer → double → ISO date → text);
/// parses with the invariant culture. Missing cells become nulls and are counted, never 0 or NaN.
/// </summary>
public static class CsvLoader
{
    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Loads <paramref name="path"/> and returns just the frame.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CsvFormatException">The content is not valid (message names line and column).</exception>
    public static DataFrame Load(string path, CsvOptions? options = null) => Read(path, options).Frame;

    /// <summary>Loads <paramref name="path"/> and reports delimiter, column types and missing counts.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CsvFormatException">The content is not valid (message names line and column).</exception>
    public static LoadResult Read(string path, CsvOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            var hint = Directory.Exists(fullPath) ? " It is a directory; pass a file inside it." : " Check the path (relative paths resolve against the current directory, " + Environment.CurrentDirectory + ").";
            throw new FileNotFoundException($"{fullPath}: file not found.{hint}", fullPath);
        }

        string text;
        try
        {
            using var reader = new StreamReader(fullPath, _strictUtf8, detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
        }
        catch (DecoderFallbackException ex)
        {
            throw new CsvFormatException(fullPath, null, null, $"the file is not valid UTF-8 ({ex.Message}). Save it as UTF-8 (for example 'CSV UTF-8' in Excel).");
        }

        return ReadText(text, fullPath, options);
    }

    /// <summary>Parses CSV text already in memory; <paramref name="sourceName"/> is used in messages.</summary>
    /// <exception cref="CsvFormatException">The content is not valid (message names line and column).</exception>
    public static LoadResult ReadText(string text, string sourceName, CsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= new CsvOptions();
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CsvFormatException(sourceName, null, null, "the file is empty. A customer file needs a header line and at least one data row.");
        }

        var delimiter = options.Delimiter ?? DelimiterSniffer.Sniff(text);
        var records = CsvTokenizer.Tokenize(text, delimiter, sourceName);
        var header = records[0];
        var names = header.Fields.Select(f => f.Trim()).ToArray();
        ValidateHeader(names, header.Line, sourceName);
        if (records.Count == 1)
        {
            throw new CsvFormatException(sourceName, header.Line, null,
                $"the file has a header ({names.Length} columns: {string.Join(", ", names)}) but no data rows.");
        }

        for (var r = 1; r < records.Count; r++)
        {
            if (records[r].Fields.Length != names.Length)
            {
                throw new CsvFormatException(sourceName, records[r].Line, null,
                    $"expected {names.Length} fields (as in the header) but found {records[r].Fields.Length}. " +
                    $"Check for a missing or extra delimiter ('{Describe(delimiter)}') or an unquoted field containing one.");
            }
        }

        var declared = new Dictionary<string, ColumnSpec>(StringComparer.Ordinal);
        foreach (var spec in options.Schema)
        {
            if (Array.IndexOf(names, spec.Name) < 0)
            {
                throw new CsvFormatException(sourceName, header.Line, spec.Name,
                    $"the schema declares column '{spec.Name}' but the header does not have it. Columns found: {string.Join(", ", names)}.");
            }

            declared[spec.Name] = spec;
        }

        if (options.IdColumn is not null && Array.IndexOf(names, options.IdColumn) < 0)
        {
            throw new CsvFormatException(sourceName, header.Line, options.IdColumn,
                $"the id column '{options.IdColumn}' is not in the header. Columns found: {string.Join(", ", names)}.");
        }

        var columns = new List<DataFrameColumn>(names.Length);
        var loaded = new List<LoadedColumn>(names.Length);
        var rowCount = records.Count - 1;
        for (var c = 0; c < names.Length; c++)
        {
            var cells = new string?[rowCount];
            var missing = 0L;
            for (var r = 0; r < rowCount; r++)
            {
                var raw = records[r + 1].Fields[c];
                var trimmed = raw.Trim();
                if (trimmed.Length == 0 || options.MissingMarkers.Contains(trimmed))
                {
                    missing++;
                }
                else
                {
                    cells[r] = raw;
                }
            }

            var isDeclared = declared.TryGetValue(names[c], out var spec);
            spec ??= new ColumnSpec(names[c], Infer(cells, options));
            var column = Build(spec, cells, records, sourceName);
            columns.Add(column);
            loaded.Add(new LoadedColumn(names[c], spec.Kind, isDeclared, missing));
        }

        if (options.IdColumn is not null)
        {
            CheckIds(names, options.IdColumn, records, options, sourceName);
        }

        return new LoadResult(new DataFrame(columns), sourceName, delimiter, loaded);
    }

    private static void ValidateHeader(string[] names, int line, string source)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i].Length == 0)
            {
                throw new CsvFormatException(source, line, $"field {i + 1}", "the header has an empty column name. Give every column a name.");
            }

            var first = Array.IndexOf(names, names[i]);
            if (first < i)
            {
                throw new CsvFormatException(source, line, names[i],
                    $"duplicate column name '{names[i]}' (fields {first + 1} and {i + 1}). Rename one so every column name is unique.");
            }
        }
    }

    private static void CheckIds(string[] names, string idColumn, List<CsvRecord> records, CsvOptions options, string source)
    {
        var index = Array.IndexOf(names, idColumn);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 1; r < records.Count; r++)
        {
            var id = records[r].Fields[index].Trim();
            if (id.Length == 0 || options.MissingMarkers.Contains(id))
            {
                throw new CsvFormatException(source, records[r].Line, idColumn, "the id is missing. Every row needs an id in the id column.");
            }

            if (seen.TryGetValue(id, out var firstLine))
            {
                throw new CsvFormatException(source, records[r].Line, idColumn,
                    $"duplicate id '{id}' (first seen on line {firstLine}). Ids must be unique; remove or renumber the duplicate row.");
            }

            seen[id] = records[r].Line;
        }
    }

    private static ColumnKind Infer(string?[] cells, CsvOptions options)
    {
        var present = cells.Where(c => c is not null).Select(c => c!.Trim()).ToList();
        if (present.Count == 0)
        {
            return ColumnKind.Double;
        }

        if (present.All(v => long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
        {
            return ColumnKind.Integer;
        }

        if (present.All(v => TryParseDouble(v, out _)))
        {
            return ColumnKind.Double;
        }

        if (present.All(v => DateTime.TryParseExact(v, options.InferredDateFormats.ToArray(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
        {
            return ColumnKind.Date;
        }

        return ColumnKind.Text;
    }

    private static bool TryParseDouble(string value, out double result) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out result) && double.IsFinite(result);

    private static DataFrameColumn Build(ColumnSpec spec, string?[] cells, List<CsvRecord> records, string source)
    {
        CsvFormatException Fail(int row, string expected) =>
            new CsvFormatException(source, records[row + 1].Line, spec.Name,
                $"value '{cells[row]}' is not {expected}. Fix the value, leave the cell empty to mark it missing, or declare the column as text.");

        switch (spec.Kind)
        {
            case ColumnKind.Integer:
            {
                var values = new long?[cells.Length];
                for (var r = 0; r < cells.Length; r++)
                {
                    if (cells[r] is { } v)
                    {
                        values[r] = long.TryParse(v.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var x)
                            ? x
                            : throw Fail(r, "a whole number (invariant culture, no thousands separator)");
                    }
                }

                return new Int64DataFrameColumn(spec.Name, values);
            }

            case ColumnKind.Double:
            {
                var values = new double?[cells.Length];
                for (var r = 0; r < cells.Length; r++)
                {
                    if (cells[r] is { } v)
                    {
                        values[r] = TryParseDouble(v.Trim(), out var x)
                            ? x
                            : throw Fail(r, "a finite number (invariant culture: '.' as the decimal point, no thousands separator)");
                    }
                }

                return new DoubleDataFrameColumn(spec.Name, values);
            }

            case ColumnKind.Date:
            {
                var format = spec.DateFormat ?? "yyyy-MM-dd";
                var values = new DateTime?[cells.Length];
                for (var r = 0; r < cells.Length; r++)
                {
                    if (cells[r] is { } v)
                    {
                        values[r] = DateTime.TryParseExact(v.Trim(), format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var x)
                            ? x
                            : throw Fail(r, $"a date in the declared format '{format}'");
                    }
                }

                return new DateTimeDataFrameColumn(spec.Name, values);
            }

            default:
                return new StringDataFrameColumn(spec.Name, cells);
        }
    }

    private static string Describe(char delimiter) => delimiter switch
    {
        '\t' => "\\t",
        _ => delimiter.ToString(),
    };
}
