using System.Text;

namespace SmartPulse.Display.Text;

/// <summary>Fixed-width text tables for terminals (text/plain).</summary>
internal static class TextTable
{
    /// <summary>Missing cells render as this.</summary>
    public const string Missing = "<missing>";

    public static string Render(string? caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, IReadOnlyList<bool>? leftAligned = null, string? note = null)
    {
        var all = rows.Select(r => r.Select(c => c ?? Missing).ToArray()).ToList();
        var widths = headers.Select((h, j) => Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => j < r.Length ? r[j].Length : 0))).ToArray();
        var sb = new StringBuilder();
        if (caption is not null)
        {
            sb.Append(caption).Append('\n');
        }

        string Line(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((c, j) =>
            leftAligned is not null && j < leftAligned.Count && leftAligned[j] ? c.PadRight(widths[j]) : c.PadLeft(widths[j]))).TrimEnd();
        sb.Append(Line(headers)).Append('\n');
        sb.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        foreach (var r in all)
        {
            sb.Append(Line(r)).Append('\n');
        }

        if (note is not null)
        {
            sb.Append(note).Append('\n');
        }

        return sb.ToString().TrimEnd('\n');
    }
}
