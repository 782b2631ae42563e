using System.Text;
using SmartPulse.Text;

namespace SmartPulse.Display.Html;

/// <summary>Builds escaped HTML tables; every header and cell is treated as text from data.</summary>
internal static class HtmlTable
{
    /// <summary>The shared table style (scoped by class), emitted with every table so outputs stand alone.</summary>
    public const string Style =
        "<style>.smartpulse-table{border-collapse:collapse;font-family:sans-serif;font-size:12px}"
        + ".smartpulse-table th,.smartpulse-table td{border:1px solid #ddd;padding:2px 6px;text-align:right}"
        + ".smartpulse-table th{background:#f4f4f4}.smartpulse-table td.sp-text{text-align:left}"
        + ".smartpulse-table .sp-type{font-weight:normal;color:#777;font-size:10px}"
        + ".smartpulse-table .sp-missing{color:#b00;font-style:italic}.smartpulse-table .sp-more{text-align:left;color:#555;font-style:italic}</style>";

    /// <summary>A cell: null renders as an italic "missing".</summary>
    public static string Cell(string? text, bool left = false) => text is null
        ? "<td class=\"sp-missing\">missing</td>"
        : left ? $"<td class=\"sp-text\">{HtmlText.Encode(text)}</td>" : $"<td>{HtmlText.Encode(text)}</td>";

    /// <summary>A table with a caption, headers (optionally with a type line), rows and an optional trailing note row.</summary>
    public static string Render(
        string? caption,
        IReadOnlyList<string> headers,
        IEnumerable<IReadOnlyList<string?>> rows,
        IReadOnlyList<string>? headerTypes = null,
        IReadOnlyList<bool>? leftAligned = null,
        string? note = null)
    {
        var sb = new StringBuilder();
        sb.Append(Style).Append("<div style=\"overflow-x:auto\"><table class=\"smartpulse-table\">");
        if (caption is not null)
        {
            sb.Append("<caption style=\"text-align:left;font-weight:bold\">").Append(HtmlText.Encode(caption)).Append("</caption>");
        }

        sb.Append("<thead><tr>");
        for (var j = 0; j < headers.Count; j++)
        {
            sb.Append("<th>").Append(HtmlText.Encode(headers[j]));
            if (headerTypes is not null)
            {
                sb.Append("<br><span class=\"sp-type\">").Append(HtmlText.Encode(headerTypes[j])).Append("</span>");
            }

            sb.Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            for (var j = 0; j < row.Count; j++)
            {
                sb.Append(Cell(row[j], leftAligned is not null && j < leftAligned.Count && leftAligned[j]));
            }

            sb.Append("</tr>");
        }

        if (note is not null)
        {
            sb.Append("<tr><td class=\"sp-more\" colspan=\"").Append(headers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\">")
              .Append(HtmlText.Encode(note)).Append("</td></tr>");
        }

        sb.Append("</tbody></table></div>");
        return sb.ToString();
    }
}
