using System.Globalization;
using System.Text;
using SmartPulse.Analysis.Data;
using SmartPulse.DuckDb;

namespace SmartPulse.Analysis.Exploration.Files;

/// <summary>
/// A file as a DuckDB table expression that reads it the way <see cref="ColumnarReader"/> does:
/// the same sniffed delimiter, header, missing markers, decimal separator, ISO dates only, integer →
/// double → date → text types, strict rows (a ragged row is an error). Gzip files and options DuckDB
/// cannot express (a declared encoding, thousands separators, a schema, an id column, other date
/// formats) make <see cref="TryCreate"/> decline with the reason.
/// </summary>
internal sealed class DuckDbSource
{
    private readonly string _readCall;

    private DuckDbSource(string fullPath, char delimiter, string readCall, IReadOnlyDictionary<string, string>? types = null)
    {
        FullPath = fullPath;
        Delimiter = delimiter;
        _readCall = readCall;
        Types = types ?? new Dictionary<string, string>();
        Table = Types.Count == 0 ? readCall + ")" : readCall + ", types = {" + string.Join(", ", Types.Select(t => SqlText.QuoteLiteral(t.Key) + ": " + SqlText.QuoteLiteral(t.Value))) + "})";
    }

    /// <summary>Column types forced on DuckDB's reader (for text it sniffed where every value is a number, e.g. zero-padded ids).</summary>
    public IReadOnlyDictionary<string, string> Types { get; }

    /// <summary>True for a delimited text file (false for Parquet).</summary>
    public bool IsText => Delimiter != '\0';

    /// <summary>The same source with <paramref name="types"/> forced (DuckDB type names by column).</summary>
    public DuckDbSource WithTypes(IReadOnlyDictionary<string, string> types) =>
        new(FullPath, Delimiter, _readCall, Types.Concat(types).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal));

    /// <summary>The file.</summary>
    public string FullPath { get; }

    /// <summary>The delimiter; '\0' for Parquet.</summary>
    public char Delimiter { get; }

    /// <summary>The table expression (<c>read_csv(...)</c> or <c>read_parquet(...)</c>).</summary>
    public string Table { get; }

    /// <summary>The source, or null with <paramref name="reason"/> saying why DuckDB cannot read it as the streaming reader would.</summary>
    public static DuckDbSource? TryCreate(string fullPath, CsvOptions options, out string? reason)
    {
        if (InputFile.IsParquet(fullPath))
        {
            reason = null;
            return new DuckDbSource(fullPath, '\0', $"read_parquet({SqlText.QuoteLiteral(fullPath)}");
        }

        reason = Unexpressible(options);
        if (reason is not null)
        {
            return null;
        }

        if (InputFile.IsGzip(fullPath))
        {
            // Measured: DuckDB 1.5 reads a gzip file cut in the middle of its data as a shorter table without an error.
            reason = "gzip files are read by the streaming reader, which checks the gzip trailer (DuckDB does not notice a truncated file)";
            return null;
        }

        var head = ReadHead(fullPath);
        if (head is null)
        {
            reason = "the start of the file is not plain UTF-8 text";
            return null;
        }

        if (string.IsNullOrWhiteSpace(head))
        {
            reason = "the file is empty";
            return null;
        }

        var delimiter = options.Delimiter ?? DelimiterSniffer.Sniff(head);
        var markers = string.Join(", ", options.MissingMarkers.Append("").Distinct().Order(StringComparer.Ordinal).Select(SqlText.QuoteLiteral));
        var sql = new StringBuilder("read_csv(").Append(SqlText.QuoteLiteral(fullPath))
            .Append(", delim = ").Append(SqlText.QuoteLiteral(delimiter.ToString()))
            .Append(", quote = '\"', escape = '\"', header = true, strict_mode = true, null_padding = false")
            .Append(", nullstr = [").Append(markers).Append(']')
            .Append(", auto_type_candidates = ['BIGINT', 'DOUBLE', 'DATE', 'TIMESTAMP', 'VARCHAR']")
            .Append(", dateformat = '%Y-%m-%d', timestampformat = '%Y-%m-%d %H:%M:%S'")
            .Append(", compression = 'none'");
        if (options.Numbers.Decimal != '.')
        {
            sql.Append(", decimal_separator = ").Append(SqlText.QuoteLiteral(options.Numbers.Decimal.ToString(CultureInfo.InvariantCulture)));
        }

        return new DuckDbSource(fullPath, delimiter, sql.ToString());
    }

    /// <summary>
    /// True when the first 64 KiB of the delimited file <paramref name="fullPath"/> hold a quoted field or a data
    /// cell that is neither missing nor a number (a text column).
    /// </summary>
    public static bool HeadHasText(string fullPath, CsvOptions options)
    {
        var head = ReadHead(fullPath);
        if (head is null)
        {
            return false;
        }

        if (head.Contains('"', StringComparison.Ordinal))
        {
            return true;
        }

        var delimiter = options.Delimiter ?? DelimiterSniffer.Sniff(head);
        var lines = head.Split('\n');
        for (var i = 1; i < lines.Length - 1; i++)
        {
            foreach (var field in lines[i].TrimEnd('\r').Split(delimiter))
            {
                var cell = field.Trim();
                if (cell.Length > 0 && !options.MissingMarkers.Contains(cell)
                    && !double.TryParse(options.Numbers.Decimal == ',' ? cell.Replace(',', '.') : cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Why DuckDB cannot read a file with <paramref name="options"/> as the streaming reader does, or null when it can.</summary>
    public static string? Unexpressible(CsvOptions options)
    {
        if (options.Encoding is { } e && e.CodePage != Encoding.UTF8.CodePage)
        {
            return $"the declared encoding {e.WebName} is read by the streaming reader";
        }

        if (options.Numbers.Thousands is not null)
        {
            return "thousands separators (--thousands) are read by the streaming reader";
        }

        if (options.Schema.Count > 0 || options.IdColumn is not null)
        {
            return "a declared schema or id column is checked by the streaming reader";
        }

        var iso = new CsvOptions().InferredDateFormats;
        return options.InferredDateFormats.SequenceEqual(iso) ? null : "date formats other than ISO 8601 are read by the streaming reader";
    }

    /// <summary>The first 64 KiB of the file as UTF-8 text, or null when it cannot be read as such.</summary>
    private static string? ReadHead(string fullPath)
    {
        try
        {
            using var stream = InputFile.OpenUtf8(fullPath, null, out _);
            var buffer = new byte[1 << 16];
            var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return Encoding.UTF8.GetString(buffer, 0, n);
        }
        catch (Exception ex) when (ex is CsvFormatException or InvalidDataException or IOException)
        {
            return null;
        }
    }
}
