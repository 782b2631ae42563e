using System.Text;

namespace SmartPulse.Text;

/// <summary>
/// The one fixed-width text table of SmartPulse (<c>text/plain</c> outputs, terminal tables): an optional caption line,
/// the header line, a line of dashes as wide as each column, the rows and an optional note line. Columns are two
/// spaces apart, each left- or right-aligned; trailing spaces are trimmed from every line; no final newline.
/// </summary>
public static class TextTable
{
    /// <summary>Renders the table.</summary>
    /// <param name="headers">Column headers; they fix the column count.</param>
    /// <param name="rows">Rows; a missing trailing cell is blank, cells beyond the headers are ignored, null cells print as <paramref name="missing"/>.</param>
    /// <param name="rightAligned">Per column, whether it is right-aligned (numbers); null or a shorter list means left-aligned.</param>
    /// <param name="caption">A line printed above the table, or null.</param>
    /// <param name="note">A line printed below the table, or null.</param>
    /// <param name="missing">The text of a null cell.</param>
    /// <returns>The table text, lines separated by <c>\n</c>.</returns>
    public static string Render(
        IReadOnlyList<string> headers,
        IEnumerable<IReadOnlyList<string?>> rows,
        IReadOnlyList<bool>? rightAligned = null,
        string? caption = null,
        string? note = null,
        string missing = "")
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var cells = rows.Select(r => Enumerable.Range(0, headers.Count).Select(j => j < r.Count ? r[j] ?? missing : string.Empty).ToArray()).ToList();
        var widths = headers.Select((h, j) => cells.Aggregate(h.Length, (w, r) => Math.Max(w, r[j].Length))).ToArray();
        var sb = new StringBuilder();
        if (caption is not null)
        {
            sb.Append(caption).Append('\n');
        }

        void Line(IEnumerable<string> line) => sb.AppendJoin("  ", line).TrimEndSpaces().Append('\n');
        Line(headers.Select((h, j) => Pad(h, j)));
        Line(widths.Select(w => new string('-', w)));
        foreach (var r in cells)
        {
            Line(r.Select((c, j) => Pad(c, j)));
        }

        if (note is not null)
        {
            sb.Append(note).Append('\n');
        }

        return sb.ToString(0, sb.Length - 1);

        string Pad(string text, int j) => rightAligned is not null && j < rightAligned.Count && rightAligned[j] ? text.PadLeft(widths[j]) : text.PadRight(widths[j]);
    }

    private static StringBuilder TrimEndSpaces(this StringBuilder sb)
    {
        var end = sb.Length;
        while (end > 0 && sb[end - 1] == ' ')
        {
            end--;
        }

        return sb.Remove(end, sb.Length - end);
    }
}
