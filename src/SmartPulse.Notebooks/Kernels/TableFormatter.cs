using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>
/// A DataFrame as a <c>text/html</c> table plus an aligned <c>text/plain</c> table (first
/// <c>maxRows</c> rows, then a "… N more rows" line). Invariant culture; doubles in round-trip form
/// trimmed to 15 significant digits so output is byte-stable.
/// </summary>
internal static class TableFormatter
{
    public static JsonObject Format(DataFrame frame, int maxRows = 25)
    {
        var rows = (int)Math.Min(frame.Rows.Count, maxRows);
        var names = frame.Columns.Select(c => c.Name).ToList();
        var cells = new List<string[]>();
        for (var r = 0; r < rows; r++)
        {
            cells.Add([.. frame.Columns.Select(c => Cell(c[r]))]);
        }
        var more = frame.Rows.Count - rows;
        var html = new StringBuilder("<table><thead><tr>");
        foreach (var n in names)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(n)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var row in cells)
        {
            html.Append("<tr>");
            foreach (var c in row)
            {
                html.Append("<td>").Append(WebUtility.HtmlEncode(c)).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        if (more > 0)
        {
            html.Append("<p>… ").Append(more.ToString(CultureInfo.InvariantCulture)).Append(" more rows</p>");
        }
        var widths = names.Select((n, i) => Math.Max(n.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        text.AppendJoin("  ", names.Select((n, i) => n.PadRight(widths[i]))).Append('\n');
        text.AppendJoin("  ", widths.Select(w => new string('-', w))).Append('\n');
        foreach (var row in cells)
        {
            text.AppendJoin("  ", row.Select((c, i) => c.PadRight(widths[i]))).Append('\n');
        }
        if (more > 0)
        {
            text.Append("… ").Append(more.ToString(CultureInfo.InvariantCulture)).Append(" more rows\n");
        }
        text.Append('(').Append(frame.Rows.Count.ToString(CultureInfo.InvariantCulture)).Append(frame.Rows.Count == 1 ? " row)" : " rows)");
        return new JsonObject { ["text/html"] = html.ToString(), ["text/plain"] = string.Join('\n', text.ToString().Split('\n').Select(l => l.TrimEnd())) };
    }

    public static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("G15", CultureInfo.InvariantCulture),
        float f => f.ToString("G7", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
