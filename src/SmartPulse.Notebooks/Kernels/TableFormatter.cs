using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using SmartPulse.Text;

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
            html.Append("<th>").Append(HtmlText.Encode(n)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var row in cells)
        {
            html.Append("<tr>");
            foreach (var c in row)
            {
                html.Append("<td>").Append(HtmlText.Encode(c)).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        if (more > 0)
        {
            html.Append("<p>… ").Append(more.ToString(CultureInfo.InvariantCulture)).Append(" more rows</p>");
        }
        var text = new StringBuilder(TextTable.Render(names, cells)).Append('\n');
        if (more > 0)
        {
            text.Append("… ").Append(more.ToString(CultureInfo.InvariantCulture)).Append(" more rows\n");
        }
        text.Append('(').Append(frame.Rows.Count.ToString(CultureInfo.InvariantCulture)).Append(frame.Rows.Count == 1 ? " row)" : " rows)");
        return new JsonObject { ["text/html"] = html.ToString(), ["text/plain"] = text.ToString() };
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
