namespace SmartPulse.Analysis.Data;

/// <summary>
/// How to read a delimited text file. Every default is explicit: UTF-8 (with or without BOM),
/// sniffed delimiter, invariant culture, types inferred from the whole column.
/// </summary>
public sealed record CsvOptions
{
    /// <summary>The default markers read as missing (besides empty and whitespace-only cells).</summary>
    public static readonly IReadOnlySet<string> DefaultMissingMarkers =
        new HashSet<string>(StringComparer.Ordinal) { "NA", "N/A", "n/a", "NaN", "nan", "null", "NULL", "#N/A" };

    /// <summary>The field delimiter; <c>null</c> (default) sniffs comma, tab or semicolon from the first lines.</summary>
    public char? Delimiter { get; init; }

    /// <summary>
    /// Declared columns. A declared column must exist in the header and every value must parse as its
    /// kind; undeclared columns are inferred from all their values.
    /// </summary>
    public IReadOnlyList<ColumnSpec> Schema { get; init; } = [];

    /// <summary>The id column, if any: its values must be present and unique.</summary>
    public string? IdColumn { get; init; }

    /// <summary>Cell texts read as missing, compared after trimming (empty and whitespace-only cells always are).</summary>
    public IReadOnlySet<string> MissingMarkers { get; init; } = DefaultMissingMarkers;

    /// <summary>Formats tried, in order, when inferring whether an undeclared column holds dates. Default ISO 8601 only.</summary>
    public IReadOnlyList<string> InferredDateFormats { get; init; } = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"];

    /// <summary>How numbers are written (decimal and thousands separators); default invariant ('.' decimal point, no thousands separator).</summary>
    public NumberFormat Numbers { get; init; } = NumberFormat.Invariant;

    /// <summary>The file's text encoding; null (default) means UTF-8 with or without BOM (UTF-16 is detected and reported).</summary>
    public System.Text.Encoding? Encoding { get; init; }
}
