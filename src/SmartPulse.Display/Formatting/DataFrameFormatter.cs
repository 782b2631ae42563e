using System.Globalization;
using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Data;
using SmartPulse.Display.Html;

namespace SmartPulse.Display.Formatting;

/// <summary>
/// Renders a <see cref="DataFrame"/> as an HTML table (header with column names and types, the first rows, a
/// "… M more rows" line, missing cells shown as "missing") or as fixed-width text. Values use the invariant culture:
/// floating-point numbers with up to 6 significant digits, dates as yyyy-MM-dd.
/// </summary>
public static class DataFrameFormatter
{
    /// <summary>Rows shown by default.</summary>
    public const int DefaultMaxRows = 20;

    /// <summary>The frame as an HTML table.</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="maxRows">Rows shown (at least 0).</param>
    public static string ToHtml(DataFrame frame, int maxRows = DefaultMaxRows)
    {
        var (headers, types, rows, left, note) = Prepare(frame, maxRows);
        return HtmlTable.Render(headers, HtmlTable.Rows(rows), new HtmlTableOptions { HeaderTypes = types, LeftAligned = left, Note = note });
    }

    /// <summary>The frame as fixed-width text (missing cells as "&lt;missing&gt;").</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="maxRows">Rows shown (at least 0).</param>
    public static string ToText(DataFrame frame, int maxRows = DefaultMaxRows)
    {
        var (headers, types, rows, left, note) = Prepare(frame, maxRows);
        var captioned = headers.Select((h, j) => $"{h} ({types[j]})").ToArray();
        return TableData.Text($"DataFrame: {frame.Rows.Count.ToString(CultureInfo.InvariantCulture)} rows × {frame.Columns.Count.ToString(CultureInfo.InvariantCulture)} columns", captioned, rows, left, note);
    }

    /// <summary>The readable type name of a column: Int32, Double, String, DateTime, Boolean, ….</summary>
    /// <param name="column">The column.</param>
    public static string TypeName(DataFrameColumn column) => column.DataType.Name;

    private static (string[] Headers, string[] Types, List<string?[]> Rows, bool[] Left, string? Note) Prepare(DataFrame frame, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        var total = frame.Rows.Count;
        var shown = (int)Math.Min(total, maxRows);
        var headers = frame.Columns.Select(c => c.Name).ToArray();
        var types = frame.Columns.Select(TypeName).ToArray();
        var left = frame.Columns.Select(c => !FrameColumns.IsNumeric(c)).ToArray();
        var cells = frame.Columns.Select(c => Cells(c, shown)).ToArray();
        var rows = Enumerable.Range(0, shown).Select(i => cells.Select(col => col[i]).ToArray()).ToList();
        var more = total - shown;
        var note = more > 0
            ? $"… {more.ToString("#,0", CultureInfo.InvariantCulture)} more rows ({total.ToString("#,0", CultureInfo.InvariantCulture)} in total)"
            : null;
        return (headers, types, rows, left, note);
    }

    private static string?[] Cells(DataFrameColumn column, int count)
    {
        var result = new string?[count];
        if (column.DataType == typeof(double) || column.DataType == typeof(float) || column.DataType == typeof(decimal))
        {
            for (var i = 0; i < count; i++)
            {
                var v = column[i];
                result[i] = v switch
                {
                    null => null,
                    double d when double.IsNaN(d) => null,
                    float f when float.IsNaN(f) => null,
                    IFormattable x => x.ToString("G6", CultureInfo.InvariantCulture),
                    _ => Convert.ToString(v, CultureInfo.InvariantCulture),
                };
            }

            return result;
        }

        for (var i = 0; i < count; i++)
        {
            result[i] = column[i] switch
            {
                null => null,
                string s => s,
                DateTime dt => dt.TimeOfDay == TimeSpan.Zero ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
                var v => v.ToString(),
            };
        }

        return result;
    }
}
