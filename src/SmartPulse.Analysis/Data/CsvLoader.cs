using Microsoft.Data.Analysis;

namespace SmartPulse.Analysis.Data;

/// <summary>
/// Loads delimited customer files into typed <see cref="DataFrame"/>s. Reads UTF-8 (BOM optional),
/// CRLF/LF/CR line ends, quoted fields (RFC 4180); sniffs the delimiter unless declared; infers each
/// undeclared column's type from <em>all</em> its values (integer → double → ISO date → text);
/// parses with the invariant culture. Missing cells become nulls and are counted, never 0 or NaN.
/// Reading is done by the streaming <see cref="ColumnarReader"/> (also .csv.gz and Parquet); the frame is built from its columns.
/// </summary>
public static class CsvLoader
{
    /// <summary>
    /// Loads <paramref name="path"/> and returns just the frame: the call for analysis code. Use <see cref="Read"/>
    /// instead when you also want the load report (delimiter, inferred column types, missing-cell counts).
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CsvFormatException">The content is not valid (message names line and column).</exception>
    public static DataFrame Load(string path, CsvOptions? options = null) => Read(path, options).Frame;

    /// <summary>
    /// Loads <paramref name="path"/> and returns the frame together with the load report (delimiter, inferred column
    /// types, missing cells): the call for profiling a file you do not know yet. <see cref="Load"/> returns only the frame.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CsvFormatException">The content is not valid (message names line and column).</exception>
    public static LoadResult Read(string path, CsvOptions? options = null) => ColumnarReader.Read(path, options).ToLoadResult();

    /// <summary>Parses CSV text already in memory; <paramref name="sourceName"/> is used in messages.</summary>
    /// <exception cref="CsvFormatException">The content is not valid (message names line and column).</exception>
    public static LoadResult ReadText(string text, string sourceName, CsvOptions? options = null) =>
        ColumnarReader.ReadText(text, sourceName, options).ToLoadResult();
}
