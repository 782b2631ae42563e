using System.Globalization;
using System.Text;
using SmartPulse.Text;

namespace SmartPulse.Display.Html;

/// <summary>
/// The one HTML table renderer of SmartPulse (notebook formatters, narratives, reports and the web app). Every header,
/// cell, caption, note, id, class and <c>data-*</c> value is treated as text from data and escaped with
/// <see cref="HtmlText.Encode"/>, so a cell holding <c>&lt;script&gt;</c> renders as text.
/// </summary>
public static class HtmlTable
{
    /// <summary>The shared table style (scoped by class), emitted with every standalone table so outputs stand alone.</summary>
    internal const string Style =
        "<style>.smartpulse-table{border-collapse:collapse;font-family:sans-serif;font-size:12px}"
        + ".smartpulse-table th,.smartpulse-table td{border:1px solid #ddd;padding:2px 6px;text-align:right}"
        + ".smartpulse-table th{background:#f4f4f4}.smartpulse-table td.sp-text{text-align:left}"
        + ".smartpulse-table .sp-type{font-weight:normal;color:#777;font-size:10px}"
        + ".smartpulse-table .sp-missing{color:#b00;font-style:italic}.smartpulse-table .sp-more{text-align:left;color:#555;font-style:italic}</style>";

    /// <summary>
    /// Renders a table: the headers, one <c>&lt;tr&gt;</c> per row (with the row's class, <c>data-*</c> attributes and
    /// cell classes), then the optional note row. The output depends only on the arguments (byte-stable).
    /// </summary>
    /// <param name="headers">Column headers, in order.</param>
    /// <param name="rows">Body rows; a row may have fewer cells than there are headers.</param>
    /// <param name="options">Id, caption, header types, alignment, note and standalone style; null = the defaults.</param>
    /// <returns>The HTML fragment.</returns>
    /// <exception cref="ArgumentException">A <c>data-*</c> attribute name is not valid; the message names it and its row.</exception>
    public static string Render(IReadOnlyList<string> headers, IEnumerable<HtmlTableRow> rows, HtmlTableOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        options ??= new HtmlTableOptions();
        var sb = new StringBuilder();
        if (options.Standalone)
        {
            sb.Append(Style).Append("<div style=\"overflow-x:auto\">");
        }

        sb.Append("<table");
        if (options.Id is not null)
        {
            sb.Append(" id=\"").Append(HtmlText.Encode(options.Id)).Append('"');
        }

        if (options.Standalone)
        {
            sb.Append(" class=\"smartpulse-table\"");
        }

        sb.Append('>');
        if (options.Caption is not null)
        {
            sb.Append("<caption style=\"text-align:left;font-weight:bold\">").Append(HtmlText.Encode(options.Caption)).Append("</caption>");
        }

        sb.Append("<thead><tr>");
        for (var j = 0; j < headers.Count; j++)
        {
            sb.Append("<th>").Append(HtmlText.Encode(headers[j]));
            if (options.HeaderTypes is { } types)
            {
                sb.Append("<br><span class=\"sp-type\">").Append(HtmlText.Encode(types[j])).Append("</span>");
            }

            sb.Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        var index = 0;
        foreach (var row in rows)
        {
            AppendRow(sb, row, index++, options.LeftAligned);
        }

        if (options.Note is not null)
        {
            sb.Append("<tr><td class=\"sp-more\" colspan=\"").Append(headers.Count.ToString(CultureInfo.InvariantCulture)).Append("\">")
              .Append(HtmlText.Encode(options.Note)).Append("</td></tr>");
        }

        sb.Append("</tbody></table>");
        if (options.Standalone)
        {
            sb.Append("</div>");
        }

        return sb.ToString();
    }

    /// <summary>Plain text rows (null = missing) as <see cref="HtmlTableRow"/>s with no class or attributes.</summary>
    internal static IEnumerable<HtmlTableRow> Rows(IEnumerable<IReadOnlyList<string?>> rows) => rows.Select(r => new HtmlTableRow(r));

    private static void AppendRow(StringBuilder sb, HtmlTableRow row, int index, IReadOnlyList<bool>? leftAligned)
    {
        sb.Append("<tr");
        if (row.Class is not null)
        {
            sb.Append(" class=\"").Append(HtmlText.Encode(row.Class)).Append('"');
        }

        foreach (var (name, value) in row.Data)
        {
            CheckDataName(name, index);
            sb.Append(" data-").Append(name).Append("=\"").Append(HtmlText.Encode(value)).Append('"');
        }

        sb.Append('>');
        for (var j = 0; j < row.Cells.Count; j++)
        {
            var text = row.Cells[j];
            var own = text is null ? "sp-missing" : leftAligned is not null && j < leftAligned.Count && leftAligned[j] ? "sp-text" : null;
            var extra = j < row.CellClasses.Count ? row.CellClasses[j] : null;
            var cls = own is null ? extra : extra is null ? own : own + " " + extra;
            sb.Append("<td");
            if (cls is not null)
            {
                sb.Append(" class=\"").Append(HtmlText.Encode(cls)).Append('"');
            }

            sb.Append('>').Append(text is null ? "missing" : HtmlText.Encode(text)).Append("</td>");
        }

        sb.Append("</tr>");
    }

    private static void CheckDataName(string name, int row)
    {
        var valid = name.Length > 0 && name[0] is >= 'a' and <= 'z'
            && name.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.');
        if (!valid)
        {
            throw new ArgumentException(
                $"HtmlTableRow.Data of body row {row.ToString(CultureInfo.InvariantCulture)}: the attribute name '{name}' (data-{name}) is not valid; "
                + "use lowercase ASCII letters, digits, '-', '_' or '.', starting with a letter.",
                nameof(HtmlTableRow.Data));
        }
    }
}
