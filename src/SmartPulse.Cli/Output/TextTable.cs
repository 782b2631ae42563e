using System.Globalization;
using System.Text;

namespace SmartPulse.Cli.Output;

/// <summary>A plain aligned text table for the terminal: text left-aligned, numbers right-aligned.</summary>
public sealed class TextTable
{
    private readonly string[] _headers;
    private readonly bool[] _rightAlign;
    private readonly List<string[]> _rows = [];

    /// <summary>Creates a table; a header starting with '&gt;' is right-aligned (the marker is dropped).</summary>
    public TextTable(params string[] headers)
    {
        _rightAlign = headers.Select(h => h.StartsWith('>')).ToArray();
        _headers = headers.Select(h => h.TrimStart('>')).ToArray();
    }

    /// <summary>Adds a row; cells beyond the headers are ignored, missing cells are blank.</summary>
    public void Add(params string?[] cells) =>
        _rows.Add(Enumerable.Range(0, _headers.Length).Select(i => i < cells.Length ? cells[i] ?? "" : "").ToArray());

    /// <summary>Formats a number for people: up to 4 decimals, invariant culture; NaN prints as "–".</summary>
    public static string Number(double value) =>
        double.IsNaN(value) ? "–" : value.ToString(Math.Abs(value) >= 1e7 ? "G7" : "0.####", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string ToString()
    {
        var widths = _headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        var sb = new StringBuilder();
        void Line(string[] cells)
        {
            var parts = cells.Select((c, i) => _rightAlign[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]));
            sb.Append(string.Join("  ", parts).TrimEnd()).Append('\n');
        }

        Line(_headers);
        sb.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        foreach (var row in _rows)
        {
            Line(row);
        }

        return sb.ToString();
    }
}
