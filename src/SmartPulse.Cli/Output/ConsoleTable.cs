using System.Globalization;
using SmartPulse.Text;

namespace SmartPulse.Cli.Output;

/// <summary>
/// Collects a terminal table row by row (text left-aligned, numbers right-aligned) and prints it with the shared
/// <see cref="TextTable"/> renderer.
/// </summary>
public sealed class ConsoleTable
{
    private readonly string[] _headers;
    private readonly bool[] _rightAlign;
    private readonly List<string?[]> _rows = [];

    /// <summary>Creates a table; a header starting with '&gt;' is right-aligned (the marker is dropped).</summary>
    public ConsoleTable(params string[] headers)
    {
        _rightAlign = headers.Select(h => h.StartsWith('>')).ToArray();
        _headers = headers.Select(h => h.TrimStart('>')).ToArray();
    }

    /// <summary>Adds a row; cells beyond the headers are ignored, missing cells are blank.</summary>
    public void Add(params string?[] cells) => _rows.Add(cells);

    /// <summary>Formats a number for people: up to 4 decimals, invariant culture; NaN prints as "–".</summary>
    public static string Number(double value) =>
        double.IsNaN(value) ? "–" : value.ToString(Math.Abs(value) >= 1e7 ? "G7" : "0.####", CultureInfo.InvariantCulture);

    /// <summary>The table, each line ending with a newline.</summary>
    public override string ToString() => TextTable.Render(_headers, _rows, _rightAlign) + "\n";
}
