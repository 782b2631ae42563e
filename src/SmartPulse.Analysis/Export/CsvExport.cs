using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;
using SmartPulse.Files;

namespace SmartPulse.Analysis.Export;

/// <summary>
/// Writes a frame as RFC 4180 CSV (UTF-8 without BOM, LF line ends, invariant culture) for Tableau,
/// Power BI or Excel. Text cells that begin with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> are
/// prefixed with an apostrophe so a spreadsheet does not run them as formulas (OWASP CSV injection);
/// numeric columns are written as plain numbers. Missing values are empty cells. The file is written
/// to a temp file and renamed, so an existing file is never left half-written.
/// </summary>
public static class CsvExport
{
    /// <summary>
    /// Writes <paramref name="frame"/> to <paramref name="path"/> atomically with <see cref="AtomicFile"/>
    /// (links written through; devices, FIFOs and folders refused; a read-only file only with <paramref name="force"/>).
    /// </summary>
    /// <exception cref="UnsafeOutputException">The destination may not be replaced.</exception>
    /// <exception cref="DirectoryNotFoundException">The destination's folder does not exist.</exception>
    public static void Write(DataFrame frame, string path, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(frame);
        AtomicFile.WriteText(path, ToCsv(frame), force);
    }

    /// <summary>The CSV text of <paramref name="frame"/>.</summary>
    public static string ToCsv(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var sb = new StringBuilder();
        sb.AppendJoin(',', frame.Columns.Select(c => Quote(Neutralise(c.Name)))).Append('\n');
        // Numbers stay numbers (round-trip "R"); every other column goes through the invariant text
        // rendering shared with the rest of the library (dates as yyyy-MM-dd) and is neutralised and quoted.
        var cells = frame.Columns.Select(c => Data.FrameColumns.IsNumeric(c)
            ? Data.FrameColumns.Numeric(c).Select(v => v?.ToString("R", CultureInfo.InvariantCulture) ?? "").ToArray()
            : Data.FrameColumns.Text(c).Select(v => v is null ? "" : Quote(Neutralise(v))).ToArray()).ToArray();
        for (var r = 0; r < frame.Rows.Count; r++)
        {
            sb.AppendJoin(',', cells.Select(column => column[r])).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Prefixes text starting with = + - @ (or a tab/CR) with an apostrophe.</summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>Quotes a CSV field when it holds a comma, quote or line break (quotes doubled): the one CSV quoting routine of the exports.</summary>
    internal static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
