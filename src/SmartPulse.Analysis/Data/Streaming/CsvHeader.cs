using System.Text;

namespace SmartPulse.Analysis.Data;

/// <summary>The header rules and record-shape errors shared by the one-pass and the parallel CSV readers.</summary>
internal static class CsvHeader
{
    private static readonly UTF8Encoding _strictUtf8 = new(false, true);

    /// <summary>The error for a record with <paramref name="found"/> fields where the header has <c>names.Length</c>.</summary>
    public static CsvFormatException FieldCountError(string source, int line, string[] names, int found, char delimiter) =>
        new(source, line, found > names.Length ? $"field {names.Length + 1}" : names[found - 1],
            $"expected {names.Length} fields (as in the header) but found {found}. " +
            $"Check for a missing or extra delimiter ('{(delimiter == '\t' ? "\\t" : delimiter.ToString())}') or an unquoted field containing one.");

    /// <summary>Decodes a header field as strict UTF-8.</summary>
    public static string Decode(ReadOnlySpan<byte> field, string source, int line, int index)
    {
        try
        {
            return _strictUtf8.GetString(field);
        }
        catch (DecoderFallbackException)
        {
            throw new CsvFormatException(source, line, $"field {index + 1}", ColumnBuilder.EncodingProblem(field));
        }
    }

    /// <summary>Every column needs a non-empty, unique name.</summary>
    public static void Validate(string[] names, int line, string source)
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

    /// <summary>The declared columns by name; a declared or id column missing from the header is an error.</summary>
    public static Dictionary<string, ColumnSpec> CheckSchema(string[] names, int line, string source, CsvOptions options)
    {
        var declared = new Dictionary<string, ColumnSpec>(StringComparer.Ordinal);
        foreach (var spec in options.Schema)
        {
            if (Array.IndexOf(names, spec.Name) < 0)
            {
                throw new CsvFormatException(source, line, spec.Name,
                    $"the schema declares column '{spec.Name}' but the header does not have it. Columns found: {string.Join(", ", names)}.");
            }

            declared[spec.Name] = spec;
        }

        if (options.IdColumn is not null && Array.IndexOf(names, options.IdColumn) < 0)
        {
            throw new CsvFormatException(source, line, options.IdColumn,
                $"the id column '{options.IdColumn}' is not in the header. Columns found: {string.Join(", ", names)}.");
        }

        return declared;
    }
}
